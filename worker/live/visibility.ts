// Restricted and secret fonds (seed 001) are shown only to viewers who may see them. Pure.
import type { Cell, FondsPlan } from "../../schema/wire";

export interface Audience {
  /** Codes of the fonds this audience must not see. */
  hidden: ReadonlySet<string>;
}

export const EVERYONE: Audience = { hidden: new Set() };

export function audienceFor(fonds: readonly FondsPlan[], seesRestricted: boolean): Audience {
  return seesRestricted ? EVERYONE : { hidden: new Set(fonds.filter((f) => f.restricted).map((f) => f.code)) };
}

export function visible<T extends { fonds: string }>(rows: readonly T[], audience: Audience): T[] {
  return audience.hidden.size === 0 ? [...rows] : rows.filter((r) => !audience.hidden.has(r.fonds));
}

export function visibleFonds(fonds: readonly FondsPlan[], audience: Audience): FondsPlan[] {
  return audience.hidden.size === 0 ? [...fonds] : fonds.filter((f) => !audience.hidden.has(f.code));
}

export function visibleCells(cells: readonly Cell[], audience: Audience): Cell[] {
  return visible(cells, audience);
}
