// One call of a setup form: the answer's body, or its errors placed by field (form-errors.ts), over the
// stores' one write (store/action.ts). A form sends one request, so a refused one leaves nothing half applied.
import type { Answer } from "../../api";
import { locale, t } from "../../i18n";
import { action } from "../../store/action";
import { formErrors, type FormErrors } from "./form-errors";

export type Sent<T> = { ok: true; body: T } | { ok: false; errors: FormErrors };

export async function send<T>(call: () => Promise<Answer>, fields: readonly string[]): Promise<Sent<T>> {
  const r = await action<T>(call);
  if (r.ok) return r;
  if (r.status === undefined) return { ok: false, errors: { fields: {}, message: t("common.offlineAction") } };
  const errors = formErrors(r.error ?? null, fields, locale());
  return { ok: false, errors: errors.message === null && Object.keys(errors.fields).length === 0 ? { fields: {}, message: `HTTP ${r.status}` } : errors };
}

/** After a refused submit, the first field at fault gets the focus (and a screen reader reads its error). */
export function focusFirstInvalid(form: HTMLFormElement): void {
  queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
