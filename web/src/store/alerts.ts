// Acting on alerts (supervisors), one or a whole group: acknowledge with a comment, silence for a while, unsilence. The alert list
// itself arrives over the live feed (live/apply.ts), which shows the result to every watcher at once.
import type { WorkKindKey } from "../../../schema/kinds";
import { apiClient } from "../api";
import { action, type ActionResult } from "./action";

export type { ActionResult };

export const SILENCE_CHOICES_MINUTES = [60, 240, 1440, 4320, 10080] as const;

type AlertRef = { ruleId: string; scope: string };
const refs = (list: readonly AlertRef[]) => list.map((a) => ({ ruleId: a.ruleId, scope: a.scope }));

export function createAlertActions(writeHeaders: () => Record<string, string>) {
  const alerts = (projectId: string) => apiClient().projects[":projectId"].alerts;
  return {
    // One alert or a whole group in one call: the server applies it to all or none (worker/routes/alerts.ts).
    acknowledge(projectId: string, list: readonly AlertRef[], comment: string): Promise<ActionResult> {
      return action(() => alerts(projectId).ack.$post({ param: { projectId }, json: { alerts: refs(list), comment } }, { headers: writeHeaders() }));
    },
    silence(projectId: string, list: readonly AlertRef[], minutes: number, comment: string): Promise<ActionResult> {
      return action(() => alerts(projectId).silence.$post({ param: { projectId }, json: { alerts: refs(list), minutes, comment } }, { headers: writeHeaders() }));
    },
    unsilence(projectId: string, list: readonly AlertRef[], comment = ""): Promise<ActionResult> {
      return action(() => alerts(projectId).unsilence.$post({ param: { projectId }, json: { alerts: refs(list), comment } }, { headers: writeHeaders() }));
    },
    /** Seed 001: volume a fonds cannot reach moves to another fonds; `amount` in display units. */
    movePlan(projectId: string, move: { kind: WorkKindKey; from: string; to: string; amount: number; reason: string }): Promise<ActionResult> {
      return action(() => apiClient().projects[":projectId"].plan.move.$post({ param: { projectId }, json: move }, { headers: writeHeaders() }));
    },
  };
}

export type AlertActions = ReturnType<typeof createAlertActions>;
