// The rules every new project starts with, so alerts fire from the first day they should (a project with
// no rules never warns anyone). Editable and deletable like any rule; worker/routes/provinces.ts adds them
// when it creates a project, and the demo (scripts/lib/demo.mjs) relies on them.
import { TOLERANCE } from "../../schema/status";
import type { RuleDef } from "./evaluate";

/** A rule's settings (evaluate.ts RuleDef) before it has an id; starter rules are on. */
export type StarterRule = Omit<RuleDef, "id" | "enabled">;

export const STARTER_RULES: readonly StarterRule[] = [
  // Behind schedule per kind over the whole project, with the dashboard's own tolerance: the supervisor
  // then opens the fonds list; per-fonds alerts are one rule away (fonds "*").
  { type: "behind_schedule", fonds: null, kind: null, station: null, threshold: TOLERANCE, pendingMinutes: 10, keepFiringMinutes: 60 },
  // Under plan per fonds (seed 001): at the current pace the fonds ends more than 2 % short.
  { type: "under_plan", fonds: "*", kind: null, station: null, threshold: 0.02, pendingMinutes: 60, keepFiringMinutes: 0 },
  // Silent station: 30 minutes of working time without a post (nights, weekends and holidays do not count).
  { type: "silent_station", fonds: null, kind: null, station: null, threshold: 30, pendingMinutes: 0, keepFiringMinutes: 0 },
];

export function starterRules(projectId: string) {
  return STARTER_RULES.map((r) => ({ id: crypto.randomUUID(), projectId, enabled: true, ...r }));
}
