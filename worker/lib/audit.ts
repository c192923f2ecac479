// Audit entries for administrative actions, written in the same D1 batch as the change they record.
import { drizzle } from "drizzle-orm/d1";
import { auditLog } from "../../schema/db";
import type { Principal } from "../auth/policy";
import { auditActorOf } from "./actor";

export interface AuditFacts {
  action: string;
  target: string;
  provinceId?: string | null;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function auditInsert(d1: D1Database, p: Principal, facts: AuditFacts) {
  return drizzle(d1)
    .insert(auditLog)
    .values({
      at: Date.now(),
      ...auditActorOf(p),
      action: facts.action,
      target: facts.target,
      provinceId: facts.provinceId ?? null,
      projectId: facts.projectId ?? null,
      before: facts.before ?? null,
      after: facts.after ?? null,
    });
}

/** The same entry as a raw D1 statement, for batches that also hold hand-written SQL (json_each imports). */
export function auditStatement(d1: D1Database, p: Principal, facts: AuditFacts): D1PreparedStatement {
  const q = auditInsert(d1, p, facts).toSQL();
  return d1.prepare(q.sql).bind(...q.params);
}

/**
 * The entry as a statement that writes only when the statement just before it in the same batch
 * changed a row (SQLite changes()): a guarded write that lost its race leaves no entry behind.
 */
export function auditStatementIfChanged(d1: D1Database, p: Principal, facts: AuditFacts): D1PreparedStatement {
  const a = auditActorOf(p);
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return d1
    .prepare(
      "INSERT INTO audit_log (at, actor_type, actor_id, actor_name, action, target, province_id, project_id, before, after) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() > 0",
    )
    .bind(Date.now(), a.actorType, a.actorId, a.actorName, facts.action, facts.target, facts.provinceId ?? null, facts.projectId ?? null, json(facts.before), json(facts.after));
}
