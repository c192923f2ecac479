// The delivery log in the project's Durable Object SQLite (table `deliveries`, created by store.ts): every
// attempt at a message, where it went, how it ended and which alerts it carried, so each alert's history
// can show what reached whom. history.ts writes it through to D1.

export interface DeliveryRow {
  id: number;
  transition_id: number;
  contact_point: string;
  rule_id: string | null;
  alerts: number;
  /** A JSON array: the scopes (within the rule's group) the message carried. */
  scopes: string;
  kind: "notify" | "repeat" | "test";
  attempt: number;
  status: number | null;
  error: string | null;
  at: number;
}

/** One attempt as deliver.ts reports it; `alerts` counts what the message listed, `scopes` names them. */
export interface DeliveryEntry {
  transitionId: number;
  alerts: number;
  scopes: readonly string[];
  kind: DeliveryRow["kind"];
  attempt: number;
  status: number | null;
  error: string | null;
}

export class DeliveryLog {
  constructor(private readonly sql: SqlStorage) {}

  add(contactPoint: string, ruleId: string | null, d: DeliveryEntry, now: number): void {
    this.sql.exec(
      "INSERT INTO deliveries (transition_id, contact_point, rule_id, alerts, scopes, kind, attempt, status, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      d.transitionId, contactPoint, ruleId, d.alerts, JSON.stringify(d.scopes), d.kind, d.attempt, d.status, d.error, now,
    );
  }

  after(after: number, limit: number): DeliveryRow[] {
    return this.sql.exec("SELECT * FROM deliveries WHERE id > ? ORDER BY id LIMIT ?", after, limit).toArray() as unknown as DeliveryRow[];
  }
}
