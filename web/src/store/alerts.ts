// Acting on alerts (supervisors): acknowledge with a comment, or silence for a while. The alert list
// itself arrives over the live feed (live/apply.ts), which shows the result to every watcher at once.
import { apiClient, type Answer } from "../api";
import { action, type ActionResult } from "./action";

export type { ActionResult };

export const SILENCE_CHOICES_MINUTES = [60, 240, 1440, 4320, 10080] as const;

export const outcome = (call: () => Promise<Answer>): Promise<ActionResult> => action(call);

export function createAlertActions(writeHeaders: () => Record<string, string>) {
  const alerts = (projectId: string) => apiClient().projects[":projectId"].alerts;
  return {
    acknowledge(projectId: string, alert: { ruleId: string; scope: string }, comment: string): Promise<ActionResult> {
      return outcome(() => alerts(projectId).ack.$post({ param: { projectId }, json: { ruleId: alert.ruleId, scope: alert.scope, comment } }, { headers: writeHeaders() }));
    },
    silence(projectId: string, alert: { ruleId: string; scope: string }, minutes: number, comment: string): Promise<ActionResult> {
      return outcome(() =>
        alerts(projectId).silence.$post({ param: { projectId }, json: { ruleId: alert.ruleId, scope: alert.scope, minutes, comment } }, { headers: writeHeaders() }),
      );
    },
    /** Seed 001: volume a fonds cannot reach moves to another fonds; `amount` in display units. */
    movePlan(projectId: string, move: { kind: "files" | "documents" | "pages" | "metres" | "metres_loose" | "sheets"; from: string; to: string; amount: number; reason: string }): Promise<ActionResult> {
      return outcome(() => apiClient().projects[":projectId"].plan.move.$post({ param: { projectId }, json: move }, { headers: writeHeaders() }));
    },
  };
}

export type AlertActions = ReturnType<typeof createAlertActions>;
