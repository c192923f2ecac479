// The centre's notes on a report period are drafted by several people at once (the centre's staff, the
// department's reviewer). A save says what it started from; this decides whether it may land. The
// rule is the three-way merge of each field on its own: a field the save changes must still hold what
// the save started from, or already hold what the save writes. So two people editing different fields
// (or different items' reasons) both land, and nobody overwrites text they never saw. Pure: the
// route (worker/routes/reports.ts) and the page (web/src/components/reports) both read it.

export interface NotesText {
  difficulties: string;
  proposals: string;
  /** The centre's reason per item behind plan, "code/kind" → words. */
  reasons: Record<string, string>;
}

export interface StoredNotes extends NotesText {
  updatedBy: string;
  /** The notes' version: a save names the one it started from; every save moves it forward. */
  updatedAt: number;
}

/** What a save changes: only the fields present, only the reasons listed. */
export interface NotesEdit {
  difficulties?: string;
  proposals?: string;
  reasons?: Record<string, string>;
}

/** What the edit started from: the version, and the changed fields as they were then. */
export interface NotesBase extends NotesEdit {
  updatedAt: number | null;
}

/** A field of the notes: "difficulties", "proposals" or "reasons/<code>/<kind>". */
export type NotesField = string;

export type MergeResult = { ok: true; notes: NotesText; changed: NotesField[] } | { ok: false; conflicts: NotesField[] };

export const EMPTY_NOTES: NotesText = { difficulties: "", proposals: "", reasons: {} };

/** Each field an edit writes, with the value it writes. */
function fieldsOf(edit: NotesEdit): [NotesField, string][] {
  const out: [NotesField, string][] = [];
  if (edit.difficulties !== undefined) out.push(["difficulties", edit.difficulties]);
  if (edit.proposals !== undefined) out.push(["proposals", edit.proposals]);
  for (const [key, v] of Object.entries(edit.reasons ?? {})) out.push([`reasons/${key}`, v]);
  return out;
}

/** A field's value; undefined for a reason never written (which differs from one cleared to ""). */
export function fieldValue(notes: NotesText | null, field: NotesField): string | undefined {
  const n = notes ?? EMPTY_NOTES;
  if (field === "difficulties") return n.difficulties;
  if (field === "proposals") return n.proposals;
  return field.startsWith("reasons/") ? n.reasons[field.slice("reasons/".length)] : undefined;
}

/** The base's value of a field: what the editor saw. A base with no version saw empty notes. */
function baseValue(base: NotesBase | undefined, field: NotesField): string | undefined {
  if (field === "difficulties") return base?.difficulties ?? "";
  if (field === "proposals") return base?.proposals ?? "";
  return base?.reasons?.[field.slice("reasons/".length)];
}

/**
 * The notes after `edit`, or the fields where someone else saved in between. `base` absent means the
 * editor saw no notes at all (an API client that does not say): it lands only where nothing was written.
 */
export function mergeNotes(stored: StoredNotes | null, edit: NotesEdit, base: NotesBase | undefined): MergeResult {
  const current: NotesText = stored ?? EMPTY_NOTES;
  const fields = fieldsOf(edit);
  const upToDate = base !== undefined && base.updatedAt === (stored?.updatedAt ?? null);
  const conflicts = upToDate
    ? []
    : fields.filter(([f, v]) => {
        const now = fieldValue(current, f);
        return now !== v && now !== baseValue(base, f);
      }).map(([f]) => f);
  if (conflicts.length > 0) return { ok: false, conflicts };
  const notes: NotesText = {
    difficulties: edit.difficulties ?? current.difficulties,
    proposals: edit.proposals ?? current.proposals,
    reasons: { ...current.reasons, ...edit.reasons },
  };
  const changed = fields.filter(([f, v]) => fieldValue(current, f) !== v).map(([f]) => f);
  return { ok: true, notes, changed };
}

/** The next version: strictly after the last, even within one millisecond or with a clock behind. */
export function nextVersion(stored: StoredNotes | null, now: number): number {
  return stored ? Math.max(now, stored.updatedAt + 1) : now;
}

/** The notes without the reasons of items in hidden fonds (keys are "code/kind"; codes may hold "/"). */
export function notesWithout<T extends NotesText>(notes: T, hiddenFonds: ReadonlySet<string>): T {
  if (hiddenFonds.size === 0) return notes;
  const reasons = Object.fromEntries(Object.entries(notes.reasons).filter(([k]) => !hiddenFonds.has(k.slice(0, k.lastIndexOf("/")))));
  return { ...notes, reasons };
}

/** Changed fields an audience may know of: a hidden fonds' reason changing is itself not told. */
export function fieldsWithout(fields: readonly NotesField[], hiddenFonds: ReadonlySet<string>): NotesField[] {
  return fields.filter((f) => !f.startsWith("reasons/") || !hiddenFonds.has(f.slice("reasons/".length, f.lastIndexOf("/"))));
}
