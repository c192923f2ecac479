// A project's official-document settings as stored in D1, or the defaults from its province's name
// until someone saves them (schema/reports/document-settings.ts). A save names the version it was
// opened with and lands only on it (a guarded write, its audit entry in the same batch), so two people
// editing the heading at once never silently overwrite each other.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { projects, provinces, reportDocuments } from "../../schema/db";
import { defaultDocumentSettings, type DocumentSettings } from "../../schema/reports/document-settings";
import type { Principal } from "../auth/policy";
import { auditStatementIfChanged } from "../lib/audit";

export interface LoadedSettings {
  settings: DocumentSettings;
  saved: { by: string; at: number } | null;
}

export async function loadDocumentSettings(d1: D1Database, projectId: string): Promise<LoadedSettings> {
  const db = drizzle(d1);
  const [stored, [province]] = await db.batch([
    db.select().from(reportDocuments).where(eq(reportDocuments.projectId, projectId)),
    db.select({ name: provinces.name }).from(projects).innerJoin(provinces, eq(projects.provinceId, provinces.id)).where(eq(projects.id, projectId)),
  ]);
  const row = stored[0];
  if (!row) return { settings: defaultDocumentSettings(province?.name ?? ""), saved: null };
  const { projectId: _p, updatedBy, updatedAt, ...settings } = row;
  return { settings, saved: { by: updatedBy, at: updatedAt } };
}

/**
 * Saves the settings if they are still at `base` (the `saved.at` the editor opened; null: never saved).
 * Returns the stored settings either way: `ok` false when someone saved in between.
 */
export async function saveDocumentSettings(
  d1: D1Database,
  principal: Principal,
  where: { projectId: string; provinceId: string },
  settings: DocumentSettings,
  base: number | null,
  by: string,
): Promise<{ ok: boolean; current: LoadedSettings }> {
  const { projectId } = where;
  const before = await loadDocumentSettings(d1, projectId);
  if ((before.saved?.at ?? null) !== base) return { ok: false, current: before };
  // Versions only move forward, even for two saves within one millisecond.
  const at = Math.max(Date.now(), (base ?? 0) + 1);
  const values = { ...settings, updatedBy: by, updatedAt: at };
  const db = drizzle(d1);
  const write = (base === null ? db.insert(reportDocuments).values({ projectId, ...values }).onConflictDoNothing() : db.update(reportDocuments).set(values).where(and(eq(reportDocuments.projectId, projectId), eq(reportDocuments.updatedAt, base)))).toSQL();
  const [result] = await d1.batch([
    d1.prepare(write.sql).bind(...write.params),
    auditStatementIfChanged(d1, principal, { action: "report.document", target: projectId, provinceId: where.provinceId, projectId, before: before.settings, after: settings }),
  ]);
  if ((result?.meta.changes ?? 0) === 0) return { ok: false, current: await loadDocumentSettings(d1, projectId) };
  return { ok: true, current: { settings, saved: { by, at } } };
}
