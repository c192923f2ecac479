// Figures the page shows, derived from LiveState (apply.ts). Pure, so components wrap them in memos.
import { kindDecimals } from "../../../schema/kinds";
import type { KindInfo, Viewer } from "../../../schema/wire";

export { plannedKinds } from "../../../schema/project-figures";

/** Decimals of a kind's base unit: as the server announced them, else as this build knows them. */
export function decimalsOf(kinds: readonly KindInfo[], kind: string): number {
  return kinds.find((k) => k.key === kind)?.decimals ?? kindDecimals(kind) ?? 0;
}

/** One entry per person: the same user in two tabs is two sockets but one viewer. */
export function distinctViewers(viewers: readonly Viewer[]): Viewer[] {
  const seen = new Set<string>();
  return viewers.filter((v) => !seen.has(v.id) && (seen.add(v.id), true));
}
