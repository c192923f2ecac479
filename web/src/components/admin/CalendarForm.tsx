import { Show, createResource, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { t, tf } from "../../i18n";
import { parseDayList, showDay } from "../../days";
import { Field, FormMessage } from "./Field";
import type { FormErrors } from "./form-errors";
import { focusFirstInvalid, send } from "./send";

const FIELDS = ["holidays", "workingSaturdays", "dayStart", "dayEnd"] as const;

/** The project's own working calendar (PUT /projects/:id/calendar), on top of the national holidays and
 * make-up Saturdays the product already knows (schema/holidays.ts): one request, all or nothing. */
export function CalendarForm(props: { projectId: string; headers: () => Record<string, string> }) {
  const [current] = createResource(async () => {
    const res = await apiClient().projects[":projectId"].calendar.$get({ param: { projectId: props.projectId } });
    return res.ok ? await res.json() : null;
  });
  return (
    <Show when={current.state === "ready" ? current() : undefined} fallback={<p class="project__loading">{t("project.loading")}</p>}>
      {(c) => <Form projectId={props.projectId} headers={props.headers} initial={c()} />}
    </Show>
  );
}

function Form(props: { projectId: string; headers: () => Record<string, string>; initial: { holidays: string[]; workingSaturdays: string[]; dayStart: string; dayEnd: string } }) {
  const [holidays, setHolidays] = createSignal(props.initial.holidays.map(showDay).join("\n"));
  const [saturdays, setSaturdays] = createSignal(props.initial.workingSaturdays.map(showDay).join("\n"));
  const [dayStart, setDayStart] = createSignal(props.initial.dayStart);
  const [dayEnd, setDayEnd] = createSignal(props.initial.dayEnd);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const [saved, setSaved] = createSignal(false);

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const h = parseDayList(holidays());
    const s = parseDayList(saturdays());
    if (!h.ok || !s.ok) {
      const fields: Record<string, string> = {};
      if (!h.ok) fields.holidays = tf("admin.badDay", { day: h.bad });
      if (!s.ok) fields.workingSaturdays = tf("admin.badDay", { day: s.bad });
      setErrors({ fields, message: null });
      return focusFirstInvalid(form);
    }
    const json = { holidays: h.days, workingSaturdays: s.days, dayStart: dayStart(), dayEnd: dayEnd() };
    const r = await send(() => apiClient().projects[":projectId"].calendar.$put({ param: { projectId: props.projectId }, json }, { headers: props.headers() }), FIELDS);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setSaved(true);
  };

  return (
    <form class="form admin__form" onSubmit={submit} noValidate>
      <div class="row">
        <Field name="holidays" label={t("admin.holidays")} hint={t("admin.daysHint")} rows={5} value={holidays()} onInput={setHolidays} error={errors().fields.holidays} />
        <Field name="workingSaturdays" label={t("admin.workingSaturdays")} hint={t("admin.daysHint")} rows={5} value={saturdays()} onInput={setSaturdays} error={errors().fields.workingSaturdays} />
      </div>
      <div class="row">
        <Field name="dayStart" label={t("admin.dayStart")} placeholder="07:30" inputMode="numeric" value={dayStart()} onInput={setDayStart} error={errors().fields.dayStart} maxLength={5} />
        <Field name="dayEnd" label={t("admin.dayEnd")} placeholder="17:00" inputMode="numeric" value={dayEnd()} onInput={setDayEnd} error={errors().fields.dayEnd} maxLength={5} />
      </div>
      <FormMessage error={errors().message} ok={saved() ? t("admin.saved") : null} />
      <button type="submit" class="button">
        {t("admin.saveCalendar")}
      </button>
    </form>
  );
}
