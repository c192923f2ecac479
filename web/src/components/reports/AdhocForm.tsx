import { createSignal } from "solid-js";
import { parseDay } from "../../days";
import { t } from "../../i18n";
import { DayField } from "../DayField";
import type { ActionResult } from "../../store/action";
import { errorOf, FormMessage } from "../FormMessage";

/** A leader's request for an ad-hoc report (báo cáo đột xuất) over a date range. */
export function AdhocForm(props: { defaultFrom: string; defaultTo: string; request: (from: string, to: string) => Promise<ActionResult & { id?: string }>; done: (id: string) => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = parseDay(String(data.get("from") ?? ""));
    const to = parseDay(String(data.get("to") ?? ""));
    if (!from || !to || from > to) return setError(t("reports.badRange"));
    setBusy(true);
    const r = await props.request(from, to);
    setBusy(false);
    if (r.ok && r.id) return props.done(r.id);
    setError(errorOf(r));
  };
  return (
    <form class="form panel" onSubmit={submit} aria-labelledby="adhoc-title">
      <h2 id="adhoc-title" class="section-title">
        {t("reports.request")}
      </h2>
      <div class="form__grid">
        <DayField name="from" label={t("reports.from")} initial={props.defaultFrom} required />
        <DayField name="to" label={t("reports.to")} initial={props.defaultTo} required />
        <button type="submit" class="button" disabled={busy()}>
          {t("reports.create")}
        </button>
      </div>
      <FormMessage error={error()} />
    </form>
  );
}
