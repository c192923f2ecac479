// A project's official-document settings as stored in D1, or the defaults from its province's name
// until someone saves them (schema/reports/document-settings.ts).
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { projects, provinces, reportDocuments } from "../../schema/db";
import { defaultDocumentSettings, type DocumentSettings } from "../../schema/reports/document-settings";

export async function loadDocumentSettings(d1: D1Database, projectId: string): Promise<{ settings: DocumentSettings; saved: { by: string; at: number } | null }> {
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

export async function saveDocumentSettings(d1: D1Database, projectId: string, settings: DocumentSettings, by: string, at: number): Promise<void> {
  const values = { ...settings, updatedBy: by, updatedAt: at };
  await drizzle(d1)
    .insert(reportDocuments)
    .values({ projectId, ...values })
    .onConflictDoUpdate({ target: reportDocuments.projectId, set: values });
}
