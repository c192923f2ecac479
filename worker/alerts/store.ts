// Alert state in the project's Durable Object SQLite: one row per rule instance, every transition
// (an outbox to D1 and to webhooks), and the webhook delivery queue. Synchronous, like worker/live/store.ts.
import type { AlertState, AlertValues, InstanceState, Transition } from "./lifecycle";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alert_instances (
  rule_id TEXT NOT NULL, scope TEXT NOT NULL, state TEXT NOT NULL, since INTEGER NOT NULL, "values" TEXT NOT NULL,
  ack_by TEXT, ack_comment TEXT, ack_at INTEGER, silenced_until INTEGER,
  PRIMARY KEY (rule_id, scope)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alert_transitions (
  id INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, scope TEXT NOT NULL, from_state TEXT NOT NULL,
  to_state TEXT NOT NULL, at INTEGER NOT NULL, "values" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
  transition_id INTEGER NOT NULL, contact_point TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (transition_id, contact_point)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS notifications_due ON notifications (done, next_at);
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY, transition_id INTEGER NOT NULL, contact_point TEXT NOT NULL, attempt INTEGER NOT NULL,
  status INTEGER, error TEXT, at INTEGER NOT NULL
);
`;

export interface AlertInstance extends InstanceState {
  ruleId: string;
  scope: string;
  ack: { by: string; comment: string; at: number } | null;
  silencedUntil: number | null;
}

export interface StoredTransition extends Transition {
  id: number;
  ruleId: string;
  scope: string;
}

export interface DueNotification {
  transitionId: number;
  contactPoint: string;
  attempts: number;
}

interface InstanceRow {
  rule_id: string;
  scope: string;
  state: AlertState;
  since: number;
  values: string;
  ack_by: string | null;
  ack_comment: string | null;
  ack_at: number | null;
  silenced_until: number | null;
}

function toInstance(r: InstanceRow): AlertInstance {
  return {
    ruleId: r.rule_id,
    scope: r.scope,
    state: r.state,
    since: r.since,
    values: JSON.parse(r.values) as AlertValues,
    ack: r.ack_by === null ? null : { by: r.ack_by, comment: r.ack_comment ?? "", at: r.ack_at ?? 0 },
    silencedUntil: r.silenced_until,
  };
}

export class AlertStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  private rows<T>(query: string, ...params: SqlStorageValue[]): T[] {
    return this.sql.exec(query, ...params).toArray() as unknown as T[];
  }

  instances(): AlertInstance[] {
    return this.rows<InstanceRow>("SELECT * FROM alert_instances").map(toInstance);
  }

  /** Saves the instance; a changed state also clears its acknowledgement (a new episode needs a new one). */
  save(ruleId: string, scope: string, next: InstanceState, changed: boolean): void {
    this.sql.exec(
      `INSERT INTO alert_instances (rule_id, scope, state, since, "values") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (rule_id, scope) DO UPDATE SET state = excluded.state, since = excluded.since, "values" = excluded."values",
         ack_by = CASE WHEN ? THEN NULL ELSE ack_by END, ack_comment = CASE WHEN ? THEN NULL ELSE ack_comment END,
         ack_at = CASE WHEN ? THEN NULL ELSE ack_at END`,
      ruleId, scope, next.state, next.since, JSON.stringify(next.values), changed ? 1 : 0, changed ? 1 : 0, changed ? 1 : 0,
    );
  }

  addTransition(ruleId: string, scope: string, t: Transition): number {
    this.sql.exec(
      `INSERT INTO alert_transitions (rule_id, scope, from_state, to_state, at, "values") VALUES (?, ?, ?, ?, ?, ?)`,
      ruleId, scope, t.from, t.to, t.at, JSON.stringify(t.values),
    );
    return this.rows<{ id: number }>("SELECT last_insert_rowid() AS id")[0]!.id;
  }

  transitionsAfter(after: number, limit: number): StoredTransition[] {
    return this.rows<{ id: number; rule_id: string; scope: string; from_state: AlertState; to_state: AlertState; at: number; values: string }>(
      "SELECT * FROM alert_transitions WHERE id > ? ORDER BY id LIMIT ?",
      after,
      limit,
    ).map((r) => ({ id: r.id, ruleId: r.rule_id, scope: r.scope, from: r.from_state, to: r.to_state, at: r.at, values: JSON.parse(r.values) as AlertValues }));
  }

  transition(id: number): StoredTransition | undefined {
    return this.transitionsAfter(id - 1, 1).find((t) => t.id === id);
  }

  enqueue(transitionId: number, contactPoints: readonly string[], now: number): void {
    for (const cp of contactPoints) {
      this.sql.exec("INSERT INTO notifications (transition_id, contact_point, next_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", transitionId, cp, now);
    }
  }

  dueNotifications(now: number, limit = 50): DueNotification[] {
    return this.rows<{ transition_id: number; contact_point: string; attempts: number }>(
      "SELECT transition_id, contact_point, attempts FROM notifications WHERE done = 0 AND next_at <= ? ORDER BY next_at LIMIT ?",
      now,
      limit,
    ).map((r) => ({ transitionId: r.transition_id, contactPoint: r.contact_point, attempts: r.attempts }));
  }

  nextNotificationAt(): number | null {
    return this.rows<{ at: number | null }>("SELECT MIN(next_at) AS at FROM notifications WHERE done = 0")[0]?.at ?? null;
  }

  /** Records one attempt; `retryAt` null means delivered (or given up). */
  recordAttempt(n: DueNotification, status: number | null, error: string | null, now: number, retryAt: number | null): void {
    this.sql.exec(
      "INSERT INTO deliveries (transition_id, contact_point, attempt, status, error, at) VALUES (?, ?, ?, ?, ?, ?)",
      n.transitionId, n.contactPoint, n.attempts + 1, status, error, now,
    );
    this.sql.exec(
      "UPDATE notifications SET attempts = attempts + 1, done = ?, next_at = ? WHERE transition_id = ? AND contact_point = ?",
      retryAt === null ? 1 : 0, retryAt ?? now, n.transitionId, n.contactPoint,
    );
  }

  deliveriesAfter(after: number, limit: number) {
    return this.rows<{ id: number; transition_id: number; contact_point: string; attempt: number; status: number | null; error: string | null; at: number }>(
      "SELECT * FROM deliveries WHERE id > ? ORDER BY id LIMIT ?",
      after,
      limit,
    );
  }

  acknowledge(ruleId: string, scope: string, by: string, comment: string, now: number): boolean {
    return this.sql.exec(
      "UPDATE alert_instances SET ack_by = ?, ack_comment = ?, ack_at = ? WHERE rule_id = ? AND scope = ? AND state IN ('pending', 'firing')",
      by, comment, now, ruleId, scope,
    ).rowsWritten > 0;
  }

  silence(ruleId: string, scope: string, until: number): boolean {
    return this.sql.exec("UPDATE alert_instances SET silenced_until = ? WHERE rule_id = ? AND scope = ?", until, ruleId, scope).rowsWritten > 0;
  }

  /** Instances of rules that no longer exist. */
  prune(ruleIds: ReadonlySet<string>): void {
    for (const i of this.instances()) if (!ruleIds.has(i.ruleId)) this.sql.exec("DELETE FROM alert_instances WHERE rule_id = ?", i.ruleId);
  }
}
