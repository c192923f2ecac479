// The report page's side of drafting together (schema/reports/notes-merge.ts is the server's): what a
// form started from, field by field, so that a save says exactly that, others' saves land live in the
// fields the user has not touched, and a field the user is editing is never replaced under their hands.
// Fields: "difficulties", "proposals", "reasons/<code>/<kind>". Pure, tested in test/unit/notes-draft.test.ts.
import { fieldValue, type NotesBase, type NotesEdit, type NotesText } from "../../../schema/reports/notes-merge";

/** What the form's fields started from: each field's stored value (undefined: a reason never written)
 * and the oldest version any of them was taken from. */
export interface DraftBase {
  updatedAt: number | null;
  values: Record<string, string | undefined>;
}

export function baseOf(notes: (NotesText & { updatedAt: number }) | null, fields: readonly string[]): DraftBase {
  return { updatedAt: notes?.updatedAt ?? null, values: Object.fromEntries(fields.map((f) => [f, fieldValue(notes, f)])) };
}

/** Fields whose text differs from what the form showed at its base (`shown` maps a stored value to the
 * text a field shows, e.g. a reason prefilled from the alerts when none was written). */
export function dirtyFields(base: DraftBase, texts: Record<string, string>, shown: (field: string, stored: string | undefined) => string): string[] {
  return Object.keys(texts).filter((f) => texts[f] !== shown(f, base.values[f]));
}

export interface RemoteOutcome {
  base: DraftBase;
  /** Fields to set to the newly saved text: the user had not touched them. */
  apply: string[];
  /** Fields the user is editing that someone else changed: the page tells them and offers theirs. */
  held: string[];
}

/** Someone else's save arrived (the feed's "report-notes", or a 409's current notes after a refusal). */
export function onRemote(base: DraftBase, dirty: readonly string[], remote: NotesText & { updatedAt: number }): RemoteOutcome {
  const fields = Object.keys(base.values);
  const changed = fields.filter((f) => fieldValue(remote, f) !== base.values[f]);
  const held = changed.filter((f) => dirty.includes(f));
  const apply = changed.filter((f) => !dirty.includes(f));
  const values = { ...base.values };
  for (const f of apply) values[f] = fieldValue(remote, f);
  // With a field held back its base stays the older value, and so must the version it belongs to,
  // or the next save would claim to have seen the other's text and replace it.
  return { base: { updatedAt: held.length > 0 ? base.updatedAt : remote.updatedAt, values }, apply, held };
}

/** The user has seen the other's text of `fields` (shown after a refusal, or loaded): what they save now
 * replaces it knowingly. */
export function acknowledge(base: DraftBase, remote: NotesText & { updatedAt: number }, fields: readonly string[]): DraftBase {
  const values = { ...base.values };
  for (const f of fields) values[f] = fieldValue(remote, f);
  const allSeen = Object.keys(values).every((f) => values[f] === fieldValue(remote, f));
  return { updatedAt: allSeen ? remote.updatedAt : base.updatedAt, values };
}

/** The PUT body for the dirty fields: their new text and what they started from. */
export function saveBody(base: DraftBase, texts: Record<string, string>, dirty: readonly string[]): NotesEdit & { base: NotesBase } {
  const edit: NotesEdit = {};
  const from: NotesBase = { updatedAt: base.updatedAt };
  for (const f of dirty) {
    const text = texts[f] ?? "";
    const was = base.values[f];
    if (f === "difficulties" || f === "proposals") {
      edit[f] = text;
      from[f] = was ?? "";
    } else if (f.startsWith("reasons/")) {
      const key = f.slice("reasons/".length);
      edit.reasons = { ...edit.reasons, [key]: text };
      if (was !== undefined) from.reasons = { ...from.reasons, [key]: was };
    }
  }
  return { ...edit, base: from };
}
