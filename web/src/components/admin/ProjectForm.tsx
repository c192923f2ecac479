import { Show, createSignal } from "solid-js";
import { PROJECT_TIME_ZONE } from "../../../../schema/time";
import { apiClient } from "../../api";
import { t } from "../../i18n";
import { DayField } from "../DayField";
import { slugOf } from "./slug";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { focusFirstInvalid, send } from "./send";

export interface ProjectFields {
  id: string;
  name: string;
  legalBasis: string;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
}

const FIELDS = ["id", "name", "legalBasis", "periodStart", "periodEnd", "timeZone"] as const;

/** A project's details: POST /provinces/:id/projects creates it, or (same id) updates it. Periods are
 * typed dd/mm/yyyy (components/DayField.tsx), not picked from a native date input that speaks the browser's locale. */
export function ProjectForm(props: { provinceId: string; initial?: ProjectFields; headers: () => Record<string, string>; onSaved: (p: ProjectFields) => void }) {
  const editing = () => props.initial !== undefined;
  const [name, setName] = createSignal(props.initial?.name ?? "");
  const [id, setId] = createSignal(props.initial?.id ?? "");
  const [idTouched, setIdTouched] = createSignal(editing());
  const [legalBasis, setLegalBasis] = createSignal(props.initial?.legalBasis ?? "");
  const [start, setStart] = createSignal<string | null>(props.initial?.periodStart ?? null);
  const [end, setEnd] = createSignal<string | null>(props.initial?.periodEnd ?? null);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const projectId = () => (idTouched() ? id() : slugOf(name()));

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const periodStart = start();
    const periodEnd = end();
    const local: Record<string, string> = {};
    if (!periodStart) local.periodStart = t("admin.dayFormat");
    if (!periodEnd) local.periodEnd = t("admin.dayFormat");
    if (!periodStart || !periodEnd) {
      setErrors({ fields: local, message: null });
      return focusFirstInvalid(form);
    }
    const json = { id: projectId(), name: name(), legalBasis: legalBasis(), periodStart, periodEnd, timeZone: PROJECT_TIME_ZONE };
    setBusy(true);
    const r = await send(() => apiClient().provinces[":provinceId"].projects.$post({ param: { provinceId: props.provinceId }, json }, { headers: props.headers() }), FIELDS);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setSaved(true);
    props.onSaved(json);
  };

  return (
    <form class="form admin__form" onSubmit={submit} noValidate>
      <Field name="name" label={t("admin.projectName")} placeholder={t("admin.projectNameExample")} value={name()} onInput={setName} error={errors().fields.name} maxLength={300} wide />
      <Show when={!editing()}>
        <Field
          name="id"
          label={t("admin.projectId")}
          hint={t("admin.idHint")}
          value={projectId()}
          onInput={(v) => {
            setIdTouched(true);
            setId(v);
          }}
          error={errors().fields.id}
          maxLength={64}
        />
      </Show>
      <Field name="legalBasis" label={t("admin.legalBasis")} placeholder="Quyết định số 4020/QĐ-UBND ngày 28/12/2020" value={legalBasis()} onInput={setLegalBasis} error={errors().fields.legalBasis} maxLength={300} wide />
      <div class="row">
        <DayField name="periodStart" label={t("admin.periodStart")} initial={props.initial?.periodStart} onDay={setStart} error={errors().fields.periodStart} required />
        <DayField name="periodEnd" label={t("admin.periodEnd")} initial={props.initial?.periodEnd} onDay={setEnd} error={errors().fields.periodEnd} required />
        <Field name="timeZone" label={t("admin.timeZone")} error={errors().fields.timeZone}>
          <select name="timeZone">
            <option value={PROJECT_TIME_ZONE}>{t("admin.timeZoneVn")}</option>
          </select>
        </Field>
      </div>
      <FormMessage error={errors().message} ok={saved() && editing() ? t("admin.saved") : null} />
      <button type="submit" class="button" disabled={busy()}>
        {editing() ? t("admin.save") : t("admin.createProject")}
      </button>
    </form>
  );
}
