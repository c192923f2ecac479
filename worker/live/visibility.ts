// Restricted and secret fonds (seed 001) are shown only to viewers who may see them. Pure: every output
// that carries fonds-scoped rows or aggregates (snapshot, deltas, alerts, history, webhooks, reports,
// inspections, plan moves, rules) goes through these functions with the audience it is for.
import { parseScope } from "../../schema/alert-scope";
import type { FondsPlan } from "../../schema/wire";

export interface Audience {
  /** Codes of the fonds this audience must not see. */
  hidden: ReadonlySet<string>;
}

export const EVERYONE: Audience = { hidden: new Set() };

export function audienceFor(fonds: readonly FondsPlan[], seesRestricted: boolean): Audience {
  return seesRestricted ? EVERYONE : hiding(fonds.filter((f) => f.restricted).map((f) => f.code));
}

/** Which fonds are restricted, as one comparable value: when it changes, every audience's view does. */
export function restrictedSignature(fonds: readonly FondsPlan[]): string {
  return fonds
    .filter((f) => f.restricted)
    .map((f) => f.code)
    .sort()
    .join("\u0000");
}

export function hiding(codes: Iterable<string>): Audience {
  const hidden = new Set(codes);
  return hidden.size === 0 ? EVERYONE : { hidden };
}

/** Rows whose fonds (one code, or several such as a plan move's source and destination) are all visible. */
export function visibleBy<T>(rows: readonly T[], audience: Audience, fondsOf: (row: T) => string | readonly (string | null | undefined)[] | null | undefined): T[] {
  if (audience.hidden.size === 0) return [...rows];
  return rows.filter((r) => {
    const f = fondsOf(r);
    const codes = typeof f === "string" ? [f] : (f ?? []);
    return !codes.some((c) => typeof c === "string" && audience.hidden.has(c));
  });
}

export function visible<T extends { fonds: string }>(rows: readonly T[], audience: Audience): T[] {
  return visibleBy(rows, audience, (r) => r.fonds);
}

export function visibleFonds(fonds: readonly FondsPlan[], audience: Audience): FondsPlan[] {
  return visibleBy(fonds, audience, (f) => f.code);
}


/** Figures of an alert that sum over several fonds: with a fonds hidden they would reveal it by difference. */
const AGGREGATE_FIGURES = ["actual", "planToDate", "target", "variance", "projected", "shortfall", "currentRate", "catchUpRate", "behindFonds"];

export type AlertValues = Record<string, unknown>;

/**
 * An alert (live instance, stored transition or webhook payload) as an audience may see it: null when it
 * is about a hidden fonds; a project-wide one keeps its state and kind but loses the figures summed over
 * hidden fonds (marked `redacted: "restricted"`), so nothing can be derived from it.
 */
export function alertForAudience<V extends AlertValues>(scope: string, values: V, audience: Audience): V | null {
  if (audience.hidden.size === 0) return values;
  const about = parseScope(scope);
  const named = [about.level === "fonds" ? about.fonds : null, typeof values.fonds === "string" ? values.fonds : null];
  if (named.some((c) => c !== null && audience.hidden.has(c))) return null;
  if (about.level !== "project") return values;
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !AGGREGATE_FIGURES.includes(k)));
  return { ...kept, redacted: "restricted" } as unknown as V;
}
