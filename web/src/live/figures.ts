// The figures of schema/project-figures.ts, for the dashboard's views; and which kind a chart shows.
export * from "../../../schema/project-figures";
export type { Status } from "../../../schema/status";
export { targetOf } from "../../../schema/wire";

/** The kind a chart shows: the one chosen while it has a target, else pages scanned (the headline of
 * digitization), else the first. */
export function chartKind(kinds: readonly string[], chosen: string | null): string {
  if (chosen !== null && kinds.includes(chosen)) return chosen;
  return kinds.includes("pages") ? "pages" : (kinds[0] ?? "");
}
