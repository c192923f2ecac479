import type { FondsPlan } from "../../../../schema/wire";
import { kindDecimals } from "../../../../schema/kinds";
import { locale, t } from "../../i18n";
import { parseAmount } from "../../reports/report-text";
import type { ActionResult } from "../../store/alerts";
import type { NewAcceptance, NewCorrection, NewVerification } from "../../store/inspections";
import { FondsKindFields } from "./FondsKindFields";
import { InspectionForm } from "./InspectionForm";

type Kind = NewCorrection["kind"];
const field = (data: FormData, name: string) => String(data.get(name) ?? "");
const amountOf = (data: FormData, name: string, signed = false) => parseAmount(field(data, name), kindDecimals(field(data, "kind")) ?? 0, locale(), signed);

interface Props {
  fonds: readonly FondsPlan[];
  kinds: readonly string[];
  today: string;
}

/** Verified figures for one fonds × kind on an inspection day (đối soát against the reported count). */
export function VerificationForm(props: Props & { verify: (v: NewVerification) => Promise<ActionResult> }) {
  return (
    <InspectionForm
      id="verify-title"
      title={t("inspections.verify")}
      send={(data) => {
        const verified = amountOf(data, "verified");
        if (verified === null) return t("inspections.badAmount");
        return props.verify({ inspectionDay: field(data, "day"), rows: [{ fonds: field(data, "fonds"), kind: field(data, "kind") as Kind, verified, note: field(data, "note") }] });
      }}
    >
      <label class="field">
        <span>{t("inspections.day")}</span>
        <input type="date" name="day" required value={props.today} />
      </label>
      <FondsKindFields fonds={props.fonds} kinds={props.kinds} />
      <label class="field">
        <span>{t("inspections.verified")}</span>
        <input name="verified" inputMode="decimal" required data-clear />
      </label>
      <label class="field">
        <span>{t("inspections.note")}</span>
        <input name="note" maxLength={1000} data-clear />
      </label>
    </InspectionForm>
  );
}

/** A signed correction of a reported figure, with its reason. */
export function CorrectionForm(props: Props & { correct: (c: NewCorrection) => Promise<ActionResult> }) {
  return (
    <InspectionForm
      id="correct-title"
      title={t("inspections.correct")}
      send={(data) => {
        const delta = amountOf(data, "delta", true);
        if (delta === null || delta === 0) return t("inspections.badAmount");
        return props.correct({ fonds: field(data, "fonds"), kind: field(data, "kind") as Kind, delta, reason: field(data, "reason") });
      }}
    >
      <FondsKindFields fonds={props.fonds} kinds={props.kinds} />
      <label class="field">
        <span>{t("inspections.delta")}</span>
        <input name="delta" inputMode="decimal" required data-clear />
      </label>
      <label class="field">
        <span>{t("inspections.reason")}</span>
        <input name="reason" required minLength={3} maxLength={1000} data-clear />
      </label>
    </InspectionForm>
  );
}

/** Accepted volume (nghiệm thu) with its acceptance minute. */
export function AcceptanceForm(props: Props & { accept: (a: NewAcceptance) => Promise<ActionResult> }) {
  return (
    <InspectionForm
      id="accept-title"
      title={t("inspections.accept")}
      send={(data) => {
        const amount = amountOf(data, "amount");
        if (amount === null || amount <= 0) return t("inspections.badAmount");
        return props.accept({ fonds: field(data, "fonds"), kind: field(data, "kind") as Kind, amount, minuteNumber: field(data, "minuteNumber"), minuteDate: field(data, "minuteDate") });
      }}
    >
      <FondsKindFields fonds={props.fonds} kinds={props.kinds} />
      <label class="field">
        <span>{t("inspections.amount")}</span>
        <input name="amount" inputMode="decimal" required data-clear />
      </label>
      <label class="field">
        <span>{t("inspections.minuteNumber")}</span>
        <input name="minuteNumber" required maxLength={100} data-clear />
      </label>
      <label class="field">
        <span>{t("inspections.minuteDate")}</span>
        <input type="date" name="minuteDate" required value={props.today} />
      </label>
    </InspectionForm>
  );
}
