// The centre's notes of a report period in D1 (report_notes), saved by several people at once. A save
// goes through schema/reports/notes-merge.ts and is written only if the notes are still the version it
// merged with (a guarded UPDATE), with its audit entry in the same batch; a lost race merges again.
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { reportNotes } from "../../schema/db";
import { fieldValue, mergeNotes, nextVersion, notesWithout, fieldsWithout, type NotesBase, type NotesEdit, type NotesField, type StoredNotes } from "../../schema/reports/notes-merge";
import type { ReportNotesSaved } from "../../schema/wire";
import type { Principal } from "../auth/policy";
import { auditStatementIfChanged } from "../lib/audit";

export type Period = { type: string; from: string; to: string };

export type SaveOutcome = { ok: true; saved: StoredNotes; changed: NotesField[] } | { ok: false; current: StoredNotes; conflicts: NotesField[] };

const samePeriod = (projectId: string, p: Period) =>
  and(eq(reportNotes.projectId, projectId), eq(reportNotes.type, p.type), eq(reportNotes.from, p.from), eq(reportNotes.to, p.to));

export async function loadNotes(d1: D1Database, projectId: string, p: Period): Promise<StoredNotes | null> {
  const [row] = await drizzle(d1)
    .select({ difficulties: reportNotes.difficulties, proposals: reportNotes.proposals, reasons: reportNotes.reasons, updatedBy: reportNotes.updatedBy, updatedAt: reportNotes.updatedAt })
    .from(reportNotes)
    .where(samePeriod(projectId, p));
  return row ?? null;
}

/** Another save landing between our read and our write is rare; after this many the caller hears 409. */
const ATTEMPTS = 3;

export async function saveNotes(
  d1: D1Database,
  principal: Principal,
  where: { projectId: string; provinceId: string; period: Period },
  edit: NotesEdit,
  base: NotesBase | undefined,
  by: string,
): Promise<SaveOutcome> {
  const { projectId, period } = where;
  const db = drizzle(d1);
  let stored: StoredNotes | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    stored = await loadNotes(d1, projectId, period);
    const merged = mergeNotes(stored, edit, base);
    if (!merged.ok) return { ok: false, current: stored!, conflicts: merged.conflicts };
    // Nothing new (a double click, or the same text twice): no version, no entry, nothing to tell.
    if (stored && merged.changed.length === 0) return { ok: true, saved: stored, changed: [] };
    const saved: StoredNotes = { ...merged.notes, updatedBy: by, updatedAt: nextVersion(stored, Date.now()) };
    const write = stored
      ? db.update(reportNotes).set(saved).where(and(samePeriod(projectId, period), eq(reportNotes.updatedAt, stored.updatedAt)))
      : db.insert(reportNotes).values({ projectId, ...period, ...saved }).onConflictDoNothing();
    const q = write.toSQL();
    const audit = auditStatementIfChanged(d1, principal, {
      action: "report.notes",
      target: `${period.type} ${period.from}..${period.to}`,
      provinceId: where.provinceId,
      projectId,
      before: Object.fromEntries(merged.changed.map((f) => [f, fieldValue(stored, f) ?? null])),
      after: Object.fromEntries(merged.changed.map((f) => [f, fieldValue(saved, f) ?? null])),
    });
    const [result] = await d1.batch([d1.prepare(q.sql).bind(...q.params), audit]);
    if ((result?.meta.changes ?? 0) > 0) return { ok: true, saved, changed: merged.changed };
  }
  const current = (await loadNotes(d1, projectId, period)) ?? stored!;
  return { ok: false, current, conflicts: [] };
}

/** Notes with reasons of many items can be long; past this the feed says "saved" and pages fetch. */
const MAX_NOTES_ON_FEED = 64 * 1024;

/** The feed's news of a save, for an audience that may not see `hidden` fonds (empty: sees all). */
export function notesSavedMessage(period: Period, saved: StoredNotes, changed: readonly NotesField[], hidden: ReadonlySet<string>): ReportNotesSaved | null {
  const shownChanges = fieldsWithout(changed, hidden);
  // Only a hidden fonds' reason changed: this audience hears nothing, as if nothing happened.
  if (shownChanges.length === 0) return null;
  const notes = notesWithout(saved, hidden);
  const small = JSON.stringify(notes).length <= MAX_NOTES_ON_FEED;
  return {
    type: "report-notes",
    period: { type: period.type, from: period.from, to: period.to },
    ...(small ? { notes } : {}),
    changed: shownChanges,
    updatedBy: saved.updatedBy,
    updatedAt: saved.updatedAt,
  };
}
