// An administrative change: its D1 statements and the audit entry in one batch (one transaction),
// then the project's Durable Object reloads so watchers and rules see it at once.
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { roomFor } from "./app-env";
import { auditInsert, type AuditFacts } from "./audit";

export async function commitChange(
  c: Context<AppEnv>,
  project: { id: string; provinceId: string },
  statements: BatchItem<"sqlite">[],
  facts: Omit<AuditFacts, "provinceId" | "projectId">,
): Promise<void> {
  const audit = auditInsert(c.env.DB, c.var.principal, { ...facts, provinceId: project.provinceId, projectId: project.id });
  await drizzle(c.env.DB).batch([audit, ...statements]);
  await roomFor(c.env, project.id).reload();
}
