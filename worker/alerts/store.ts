// Alert state in the project's Durable Object SQLite: one row per rule instance, every transition
// (an outbox to D1 and to contact points), the notification queue per contact point and alert group, and
// the delivery log (delivery-log.ts). Synchronous, like worker/live/store.ts.
import { DeliveryLog, type DeliveryEntry } from "./delivery-log";
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
CREATE TABLE IF NOT EXISTS notify_queue (
  transition_id INTEGER NOT NULL, contact_point TEXT NOT NULL, rule_id TEXT NOT NULL, queued_at INTEGER NOT NULL,
  PRIMARY KEY (contact_point, rule_id, transition_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS notify_groups (
  contact_point TEXT NOT NULL, rule_id TEXT NOT NULL, last_sent_at INTEGER, was_empty INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0, retry_at INTEGER,
  PRIMARY KEY (contact_point, rule_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY, transition_id INTEGER NOT NULL, contact_point TEXT NOT NULL, attempt INTEGER NOT NULL,
  status INTEGER, error TEXT, at INTEGER NOT NULL
);
`;

/** Columns added after the first deploy: objects created before them get them on load. */
const ADDED_COLUMNS: Record<string, string[]> = {
  alert_instances: ["cleared_at INTEGER", "silenced_by TEXT", "silence_comment TEXT", "silenced_at INTEGER"],
  deliveries: ["rule_id TEXT", "alerts INTEGER NOT NULL DEFAULT 1", "kind TEXT NOT NULL DEFAULT 'notify'", "scopes TEXT NOT NULL DEFAULT '[]'"],
};

export interface AlertInstance extends InstanceState {
  ruleId: string;
  scope: string;
  ack: { by: string; comment: string; at: number } | null;
  silence: { by: string; comment: string; at: number; until: number } | null;
}

export interface StoredTransition extends Transition {
  id: number;
  ruleId: string;
  scope: string;
}

export interface NotifyGroup {
  contactPoint: string;
  ruleId: string;
  lastSentAt: number | null;
  wasEmpty: boolean;
  attempts: number;
  retryAt: number | null;
}

interface InstanceRow {
  rule_id: string;
  scope: string;
  state: AlertState;
  since: number;
  values: string;
  cleared_at: number | null;
  ack_by: string | null;
  ack_comment: string | null;
  ack_at: number | null;
  silenced_until: number | null;
  silenced_by: string | null;
  silence_comment: string | null;
  silenced_at: number | null;
}

function toInstance(r: InstanceRow): AlertInstance {
  return {
    ruleId: r.rule_id,
    scope: r.scope,
    state: r.state,
    since: r.since,
    values: JSON.parse(r.values) as AlertValues,
    clearedAt: r.cleared_at,
    ack: r.ack_by === null ? null : { by: r.ack_by, comment: r.ack_comment ?? "", at: r.ack_at ?? 0 },
    silence: r.silenced_until === null ? null : { by: r.silenced_by ?? "", comment: r.silence_comment ?? "", at: r.silenced_at ?? 0, until: r.silenced_until },
  };
}

export type AlertRef = { ruleId: string; scope: string };

export class AlertStore {
  /** Every attempt at a message (its table is created here with the others). */
  readonly deliveries: DeliveryLog;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
    for (const [table, cols] of Object.entries(ADDED_COLUMNS)) {
      const have = new Set(this.rows<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`).map((c) => c.name));
      for (const col of cols) if (!have.has(col.split(" ")[0]!)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${col}`);
    }
    this.deliveries = new DeliveryLog(sql);
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
      `INSERT INTO alert_instances (rule_id, scope, state, since, "values", cleared_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (rule_id, scope) DO UPDATE SET state = excluded.state, since = excluded.since, "values" = excluded."values",
         cleared_at = excluded.cleared_at, ack_by = CASE WHEN ?7 THEN NULL ELSE ack_by END,
         ack_comment = CASE WHEN ?7 THEN NULL ELSE ack_comment END, ack_at = CASE WHEN ?7 THEN NULL ELSE ack_at END`,
      ruleId, scope, next.state, next.since, JSON.stringify(next.values), next.clearedAt ?? null, changed ? 1 : 0,
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

  enqueue(transitionId: number, ruleId: string, contactPoints: readonly string[], now: number): void {
    for (const cp of contactPoints) {
      this.sql.exec("INSERT INTO notify_queue (transition_id, contact_point, rule_id, queued_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", transitionId, cp, ruleId, now);
    }
  }

  /** The transitions queued for one contact point and group, oldest first. */
  queued(contactPoint: string, ruleId: string): (StoredTransition & { queuedAt: number })[] {
    return this.rows<{ id: number; rule_id: string; scope: string; from_state: AlertState; to_state: AlertState; at: number; values: string; queued_at: number }>(
      `SELECT t.*, q.queued_at FROM notify_queue q JOIN alert_transitions t ON t.id = q.transition_id
       WHERE q.contact_point = ? AND q.rule_id = ? ORDER BY t.id`,
      contactPoint,
      ruleId,
    ).map((r) => ({ id: r.id, ruleId: r.rule_id, scope: r.scope, from: r.from_state, to: r.to_state, at: r.at, values: JSON.parse(r.values) as AlertValues, queuedAt: r.queued_at }));
  }

  /** Every (contact point, group) with something queued or a message history. */
  groups(): NotifyGroup[] {
    this.sql.exec("INSERT INTO notify_groups (contact_point, rule_id) SELECT DISTINCT contact_point, rule_id FROM notify_queue WHERE true ON CONFLICT DO NOTHING");
    return this.rows<{ contact_point: string; rule_id: string; last_sent_at: number | null; was_empty: number; attempts: number; retry_at: number | null }>("SELECT * FROM notify_groups").map((r) => ({
      contactPoint: r.contact_point,
      ruleId: r.rule_id,
      lastSentAt: r.last_sent_at,
      wasEmpty: r.was_empty === 1,
      attempts: r.attempts,
      retryAt: r.retry_at,
    }));
  }

  /** One attempt at a group's message; `sent` clears the queue up to `upTo` (delivered, or given up). */
  recordGroupAttempt(g: NotifyGroup, d: Omit<DeliveryEntry, "attempt">, now: number, outcome: { sent: true; upTo: number; empty: boolean } | { sent: false; retryAt: number }): void {
    this.deliveries.add(g.contactPoint, g.ruleId, { ...d, attempt: g.attempts + 1 }, now);
    if (outcome.sent) {
      this.sql.exec("DELETE FROM notify_queue WHERE contact_point = ? AND rule_id = ? AND transition_id <= ?", g.contactPoint, g.ruleId, outcome.upTo);
      this.sql.exec("UPDATE notify_groups SET last_sent_at = ?, was_empty = ?, attempts = 0, retry_at = NULL WHERE contact_point = ? AND rule_id = ?", now, outcome.empty ? 1 : 0, g.contactPoint, g.ruleId);
    } else {
      this.sql.exec("UPDATE notify_groups SET attempts = attempts + 1, retry_at = ? WHERE contact_point = ? AND rule_id = ?", outcome.retryAt, g.contactPoint, g.ruleId);
    }
  }

  /** Queues and groups of contact points or rules that no longer exist. */
  pruneGroups(contactPoints: ReadonlySet<string>, ruleIds: ReadonlySet<string>): void {
    for (const g of this.rows<{ contact_point: string; rule_id: string }>("SELECT contact_point, rule_id FROM notify_groups UNION SELECT contact_point, rule_id FROM notify_queue")) {
      if (contactPoints.has(g.contact_point) && ruleIds.has(g.rule_id)) continue;
      this.sql.exec("DELETE FROM notify_queue WHERE contact_point = ? AND rule_id = ?", g.contact_point, g.rule_id);
      this.sql.exec("DELETE FROM notify_groups WHERE contact_point = ? AND rule_id = ?", g.contact_point, g.rule_id);
    }
  }

  /** All-or-nothing over the list: false (and nothing changed) when one of them is not open. */
  acknowledge(refs: readonly AlertRef[], by: string, comment: string, now: number): boolean {
    return this.allOrNothing(refs, "state = 'firing'", (r) =>
      this.sql.exec("UPDATE alert_instances SET ack_by = ?, ack_comment = ?, ack_at = ? WHERE rule_id = ? AND scope = ?", by, comment, now, r.ruleId, r.scope),
    );
  }

  silence(refs: readonly AlertRef[], by: string, comment: string, until: number, now: number): boolean {
    return this.allOrNothing(refs, "state IN ('pending', 'firing', 'nodata')", (r) =>
      this.sql.exec("UPDATE alert_instances SET silenced_until = ?, silenced_by = ?, silence_comment = ?, silenced_at = ? WHERE rule_id = ? AND scope = ?", until, by, comment, now, r.ruleId, r.scope),
    );
  }

  unsilence(refs: readonly AlertRef[], now: number): boolean {
    return this.allOrNothing(refs, "silenced_until > ?", (r) =>
      this.sql.exec("UPDATE alert_instances SET silenced_until = NULL, silenced_by = NULL, silence_comment = NULL, silenced_at = NULL WHERE rule_id = ? AND scope = ?", r.ruleId, r.scope), now,
    );
  }

  /** An unsilenced alert still firing is told again: its last transition goes back in the queue. */
  requeueFiring(refs: readonly AlertRef[], contactPoints: readonly string[], now: number): void {
    for (const r of refs) {
      const last = this.rows<{ id: number }>("SELECT t.id FROM alert_transitions t JOIN alert_instances i ON i.rule_id = t.rule_id AND i.scope = t.scope WHERE t.rule_id = ? AND t.scope = ? AND i.state = 'firing' ORDER BY t.id DESC LIMIT 1", r.ruleId, r.scope)[0];
      if (last) this.enqueue(last.id, r.ruleId, contactPoints, now);
    }
  }

  // The writes run with no await between them, so the Durable Object commits them as one.
  private allOrNothing(refs: readonly AlertRef[], condition: string, apply: (r: AlertRef) => void, ...params: SqlStorageValue[]): boolean {
    const ok = refs.every((r) => this.rows(`SELECT 1 FROM alert_instances WHERE rule_id = ? AND scope = ? AND ${condition}`, r.ruleId, r.scope, ...params).length === 1);
    if (ok) refs.forEach(apply);
    return ok;
  }

  /** Instances of rules that no longer exist. */
  prune(ruleIds: ReadonlySet<string>): void {
    for (const i of this.instances()) if (!ruleIds.has(i.ruleId)) this.sql.exec("DELETE FROM alert_instances WHERE rule_id = ?", i.ruleId);
  }
}
