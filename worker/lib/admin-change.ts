// An administrative change: its D1 statements and the audit entry in one batch (one transaction), so
// the entry is written exactly when the change is. When it changed what a project's Durable Object holds
// (plan, stations, rules), that object then reloads so watchers and rules see it at once; an account's
// change has no object to reload.
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { roomFor } from "./app-env";
import { auditInsert, type AuditFacts } from "./audit";

/** The statements' own results, in order (the audit entry's is left out). */
export async function commitAccountChange<T extends BatchItem<"sqlite">[]>(c: Context<AppEnv>, statements: [...T], facts: AuditFacts): Promise<BatchResponse<T>> {
  const audit = auditInsert(c.env.DB, c.var.principal, facts);
  const [, ...results] = await drizzle(c.env.DB).batch([audit, ...statements]);
  return results as BatchResponse<T>;
}

/**
 * `project.id` null: a change of the province alone. `reload: false` for records the object does not
 * hold (inspections, displays), so a write does not cost every watcher a reload.
 */
export async function commitChange(
  c: Context<AppEnv>,
  project: { id: string | null; provinceId: string },
  statements: BatchItem<"sqlite">[],
  facts: Omit<AuditFacts, "provinceId" | "projectId">,
  { reload = true }: { reload?: boolean } = {},
): Promise<void> {
  await commitAccountChange(c, statements, { ...facts, provinceId: project.provinceId, projectId: project.id });
  if (reload && project.id !== null) await roomFor(c.env, project.id).reload();
}
