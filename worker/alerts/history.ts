// Alert transitions and delivery attempts (every channel), written through to D1 from the Durable Object's outbox
// (history and delivery log for the dashboard and reports). Idempotent like worker/live/flush.ts.
import type { LiveStore } from "../live/store";
import type { AlertStore } from "./store";

const CHUNK = 500;

// Bound parameters: ?1 project id, ?2 a JSON array of rows.
const INSERT_TRANSITIONS = `
  INSERT INTO alert_transitions (project_id, id, rule_id, scope, from_state, to_state, at, "values")
  SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(?2) WHERE true
  ON CONFLICT (project_id, id) DO NOTHING`;

const INSERT_DELIVERIES = `
  INSERT INTO webhook_deliveries (project_id, id, contact_point_id, transition_id, attempt, status, error, at, rule_id, alerts, kind, scopes)
  SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10 FROM json_each(?2) WHERE true
  ON CONFLICT (project_id, id) DO NOTHING`;

export async function flushAlertHistory(live: LiveStore, alerts: AlertStore, d1: D1Database, projectId: string): Promise<void> {
  const transitions = alerts.transitionsAfter(live.meta("flushed_transition"), CHUNK);
  const deliveries = alerts.deliveries.after(live.meta("flushed_delivery"), CHUNK);
  if (transitions.length === 0 && deliveries.length === 0) return;
  await d1.batch([
    d1.prepare(INSERT_TRANSITIONS).bind(projectId, JSON.stringify(transitions.map((t) => [t.id, t.ruleId, t.scope, t.from, t.to, t.at, JSON.stringify(t.values)]))),
    d1.prepare(INSERT_DELIVERIES).bind(projectId, JSON.stringify(deliveries.map((d) => [d.id, d.contact_point, d.transition_id, d.attempt, d.status, d.error, d.at, d.rule_id, d.alerts, d.kind, d.scopes]))),
  ]);
  if (transitions.length > 0) live.setMeta("flushed_transition", transitions[transitions.length - 1]!.id);
  if (deliveries.length > 0) live.setMeta("flushed_delivery", deliveries[deliveries.length - 1]!.id);
}
