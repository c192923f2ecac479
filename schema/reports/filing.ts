// Which reports a project owes and how each stands (seeds 000, 003, 004: lateness is shown, not
// hidden). Every due date since the project started has its report; a report is "submitted" when the
// centre signs it off and "received" when the department takes it in; a correction files it again. Pure.
import { addDays } from "../calendar";
import { reportsDueOn, type ReportPeriod, type ReportType } from "./schedule";

export interface DueReport extends ReportPeriod {
  type: Exclude<ReportType, "adhoc">;
  /** The day the report is written and owed. */
  due: string;
}

/** The last report of a project can fall due a little after its period ends (it covers the last days). */
const AFTER_END_DAYS = 35;

/** Every report due from `periodStart` up to `until` whose period overlaps the project's. */
export function dueReports(periodStart: string, periodEnd: string, until: string): DueReport[] {
  const last = until < addDays(periodEnd, AFTER_END_DAYS) ? until : addDays(periodEnd, AFTER_END_DAYS);
  const out: DueReport[] = [];
  for (let day = periodStart; day <= last; day = addDays(day, 1)) {
    for (const p of reportsDueOn(day)) {
      if (p.type === "adhoc" || p.to < periodStart || p.from > periodEnd) continue;
      out.push({ ...p, type: p.type, due: day });
    }
  }
  return out;
}

/** The period a report due on `due` covers, if a report of that type is due that day. */
export function periodDueOn(type: DueReport["type"], due: string): DueReport | null {
  const p = reportsDueOn(due).find((r) => r.type === type);
  return p ? { ...p, type, due } : null;
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * upcoming, due, overdue: nothing submitted, no notes; drafted: the centre has written notes, not yet
 * submitted; submitted, received: the latest version is signed off (and taken in); correcting: a
 * submitted version is being corrected (bản điều chỉnh), its new version not yet submitted; corrected:
 * the correction is submitted, the department has not taken it in yet.
 */
export type FilingState = "upcoming" | "due" | "overdue" | "drafted" | "submitted" | "received" | "correcting" | "corrected";

/** How a period's filing stands, from its filings (one per submitted version) and its notes. */
export interface PeriodFiling {
  /** The day its first version was submitted: lateness is counted to it, a correction does not move it. */
  firstSubmittedDay: string | null;
  latestSubmitted: boolean;
  latestReceived: boolean;
  /** A submitted version was corrected by a later one. */
  corrected: boolean;
  /** The centre has written notes for the period. */
  drafted: boolean;
}

/**
 * Where a due report stands on `today`. `daysLate`: for a report not yet submitted, days past its due
 * date; for a submitted one, how late it was first submitted (0 when on time).
 */
export function filingState(due: string, today: string, filing: PeriodFiling | null): { state: FilingState; daysLate: number } {
  if (filing?.firstSubmittedDay) {
    const daysLate = Math.max(0, daysBetween(due, filing.firstSubmittedDay));
    if (filing.corrected && !filing.latestSubmitted) return { state: "correcting", daysLate };
    if (filing.latestReceived) return { state: "received", daysLate };
    return { state: filing.corrected ? "corrected" : "submitted", daysLate };
  }
  const daysLate = Math.max(0, daysBetween(due, today));
  if (filing?.drafted) return { state: "drafted", daysLate };
  if (today > due) return { state: "overdue", daysLate };
  return { state: today === due ? "due" : "upcoming", daysLate: 0 };
}

/** Still owed after its due date (overdue, or drafted and late): what the department counts as late. */
export function owedPastDue(item: { state: FilingState; daysLate: number }): boolean {
  return item.state === "overdue" || (item.state === "drafted" && item.daysLate > 0);
}
