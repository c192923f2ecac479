// The acceptance report (nghiệm thu): per fonds and kind, plan, counted and accepted volume, and each
// acceptance minute with its date and, when it accepted more than was counted, the reason. Pure.
import { targetOf, type FondsPlan } from "./wire";

export interface AcceptedEntry {
  fonds: string;
  kind: string;
  amount: number;
  minuteNumber: string;
  minuteDate: string;
  overrideReason: string | null;
}

export interface AcceptanceMinute {
  number: string;
  date: string;
  amount: number;
  /** Set when this acceptance took the total past the counted volume (vượt số đếm). */
  overrideReason: string | null;
}

export interface AcceptanceReportRow {
  fonds: string;
  name: string;
  kind: string;
  plan: number;
  reported: number;
  accepted: number;
  minutes: AcceptanceMinute[];
  notYetAccepted: number;
}

/** `fonds` is the caller's own view (restricted fonds already left out), so entries of other fonds drop out with them. */
export function acceptanceReportRows(fonds: readonly FondsPlan[], counted: ReadonlyMap<string, number>, entries: readonly AcceptedEntry[]): AcceptanceReportRow[] {
  const byCell = new Map<string, AcceptedEntry[]>();
  for (const e of entries) {
    const k = `${e.fonds}/${e.kind}`;
    byCell.set(k, [...(byCell.get(k) ?? []), e]);
  }
  const kinds = [...new Set(fonds.flatMap((f) => Object.keys(f.approved)))];
  return fonds.flatMap((f) =>
    kinds.map((kind) => {
      const k = `${f.code}/${kind}`;
      const reported = counted.get(k) ?? 0;
      const mine = byCell.get(k) ?? [];
      const accepted = mine.reduce((s, e) => s + e.amount, 0);
      const minutes = mine.map((e) => ({ number: e.minuteNumber, date: e.minuteDate, amount: e.amount, overrideReason: e.overrideReason }));
      return { fonds: f.code, name: f.name, kind, plan: targetOf(f, kind), reported, accepted, minutes, notYetAccepted: reported - accepted };
    }),
  );
}
