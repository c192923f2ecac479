import { Show, createSignal } from "solid-js";
import type { FondsPlan } from "../../../../schema/wire";
import { kindDecimals } from "../../../../schema/kinds";
import { t } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { NewAcceptance, NewCorrection } from "../../store/inspections";
import { parseDay } from "../../days";
import { DayField } from "../DayField";
import { NumberField, createFieldErrors, type FieldErrors } from "../NumberField";
import { FondsKindFields } from "./FondsKindFields";
import { InspectionForm } from "./InspectionForm";

type Kind = NewCorrection["kind"];
const field = (data: FormData, name: string) => String(data.get(name) ?? "");
/** A DayField's yyyy-mm-dd; the field has already refused an unreadable day (customValidity). */
const dayField = (data: FormData, name: string) => parseDay(field(data, name)) ?? "";
/** The amount in the chosen kind's unit (2,5 metres → 2.5), or null with the reason beside the field. */
const amountOf = (errors: FieldErrors, data: FormData, name: string, rules: { signed?: boolean; nonZero?: boolean; min?: number } = {}) =>
  errors.readUnits(name, field(data, name), { decimals: kindDecimals(field(data, "kind")) ?? 0, ...rules });

interface Props {
  fonds: readonly FondsPlan[];
  kinds: readonly string[];
  today: string;
}

/** A signed correction of a reported figure, with its reason. */
export function CorrectionForm(props: Props & { correct: (c: NewCorrection) => Promise<ActionResult> }) {
  const errors = createFieldErrors();
  return (
    <InspectionForm
      id="correct-title"
      title={t("inspections.correct")}
      send={(data) => {
        const delta = amountOf(errors, data, "delta", { signed: true, nonZero: true });
        if (delta === null) return t("inspections.badAmount");
        return props.correct({ fonds: field(data, "fonds"), kind: field(data, "kind") as Kind, delta, reason: field(data, "reason") });
      }}
    >
      <FondsKindFields fonds={props.fonds} kinds={props.kinds} />
      <NumberField name="delta" label={t("inspections.delta")} errors={errors} required clear />
      <label class="field">
        <span>{t("inspections.reason")}</span>
        <input name="reason" required minLength={3} maxLength={1000} data-clear />
      </label>
    </InspectionForm>
  );
}

/** Accepted volume (nghiệm thu) with its acceptance minute. More than was counted is refused until a
 * reason is given: the field for it appears only then, so the exception stays an exception. */
export function AcceptanceForm(props: Props & { accept: (a: NewAcceptance) => Promise<ActionResult & { overCount?: boolean }> }) {
  const errors = createFieldErrors();
  const [overCount, setOverCount] = createSignal(false);
  return (
    <InspectionForm
      id="accept-title"
      title={t("inspections.accept")}
      send={(data) => {
        const amount = amountOf(errors, data, "amount", { min: 1 });
        if (amount === null) return t("inspections.badAmount");
        const reason = field(data, "overrideReason").trim();
        const override = overCount() && reason !== "" ? { reason } : undefined;
        return props
          .accept({ fonds: field(data, "fonds"), kind: field(data, "kind") as Kind, amount, minuteNumber: field(data, "minuteNumber"), minuteDate: dayField(data, "minuteDate"), ...(override ? { override } : {}) })
          .then((r) => {
            setOverCount(!r.ok && r.overCount === true);
            return !r.ok && r.overCount ? { ok: false, message: t("accept.overCount") } : r;
          });
      }}
    >
      <FondsKindFields fonds={props.fonds} kinds={props.kinds} />
      <NumberField name="amount" label={t("inspections.amount")} errors={errors} required clear />
      <label class="field">
        <span>{t("inspections.minuteNumber")}</span>
        <input name="minuteNumber" required maxLength={100} data-clear />
      </label>
      <DayField name="minuteDate" label={t("inspections.minuteDate")} initial={props.today} required />
      <Show when={overCount()}>
        <label class="field field--wide">
          <span>{t("accept.overrideReason")}</span>
          <input name="overrideReason" required minLength={10} maxLength={1000} data-clear />
        </label>
      </Show>
    </InspectionForm>
  );
}
