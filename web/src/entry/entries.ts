// From the entry form to outbox entries, and the operator's own totals for today. Pure.
import { kindDecimals } from "../../../schema/kinds";
import type { NumberFormat } from "../../../schema/numbers";
import { projectIsoTime } from "../../../schema/time";
import { readAmount, type AmountProblem, type AmountRules } from "../number-input";
import type { Entry, QueuedEntry } from "./outbox";


export type FormResult = { ok: true; entries: Entry[] } | { ok: false; invalid: { kind: string; problem: AmountProblem }[] };

/** What a station may post of a kind: a positive amount in the kind's decimals. */
export function entryRules(kind: string): AmountRules {
  return { decimals: kindDecimals(kind) ?? 0, min: 1 };
}

/** One entry per kind with an amount; else each kind whose text is not a valid amount, and why. */
export function entriesFromForm(fonds: string, amounts: Readonly<Record<string, string>>, format: NumberFormat, now: number, newId: () => string): FormResult {
  const entries: Entry[] = [];
  const invalid: { kind: string; problem: AmountProblem }[] = [];
  for (const [kind, text] of Object.entries(amounts)) {
    if (text.trim() === "") continue;
    const rules = entryRules(kind);
    const read = readAmount(text, rules, format);
    if (!read.ok) {
      invalid.push({ kind, problem: read.problem });
      continue;
    }
    entries.push({ id: newId(), fonds, kind, amount: read.value, decimals: rules.decimals, at: projectIsoTime(now), day: projectIsoTime(now).slice(0, 10) });
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, entries };
}

/** kind → amount for `day`: the server's confirmed totals plus what is still waiting to be sent. */
export function totalsForDay(
  confirmed: readonly { kind: string; amount: number }[],
  pending: readonly QueuedEntry[],
  day: string,
): { confirmed: Map<string, number>; pending: Map<string, number> } {
  const c = new Map<string, number>();
  for (const t of confirmed) c.set(t.kind, (c.get(t.kind) ?? 0) + t.amount);
  const p = new Map<string, number>();
  for (const e of pending) if (e.day === day && e.rejected === undefined) p.set(e.kind, (p.get(e.kind) ?? 0) + e.amount);
  return { confirmed: c, pending: p };
}
