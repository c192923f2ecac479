// An administrative change: its D1 statements and the audit entry in one batch (one transaction), then,
// when it changed what a project's Durable Object holds (plan, stations, rules), that object reloads so
// watchers and rules see it at once.
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { roomFor } from "./app-env";
import { auditInsert, type AuditFacts } from "./audit";

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
  const audit = auditInsert(c.env.DB, c.var.principal, { ...facts, provinceId: project.provinceId, projectId: project.id });
  await drizzle(c.env.DB).batch([audit, ...statements]);
  if (reload && project.id !== null) await roomFor(c.env, project.id).reload();
}
