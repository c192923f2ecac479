// One form's fields of the report's notes while others edit them too: the texts the user types, what
// they started from (web/src/reports/draft.ts), others' saves taken in live or held back, and the
// other's text after a refused save. ReportNotes and ItemReasons each hold one.
import { createEffect, createSignal, on, untrack, type Accessor } from "solid-js";
import { acknowledge, baseOf, dirtyFields, onRemote, saveBody, type DraftBase } from "../../reports/draft";
import type { NotesSaveResult, ReportNotes } from "../../store/reports";
import { fieldValue } from "../../../../schema/reports/notes-merge";

export interface NotesDraftOptions {
  notes: Accessor<ReportNotes | null>;
  fields: Accessor<string[]>;
  /** The text a field shows for a stored value (a reason prefilled from the alerts when none is stored). */
  shown: (field: string, stored: string | undefined) => string;
  save: (body: ReturnType<typeof saveBody>) => Promise<NotesSaveResult>;
  /** Saved notes, ours or theirs, into the page's store. */
  put: (notes: ReportNotes) => void;
}

export type SaveOutcome = { ok: true; unchanged: boolean } | { ok: false; message: string };

export function createNotesDraft(o: NotesDraftOptions) {
  let base: DraftBase = baseOf(o.notes(), o.fields());
  const [texts, setTexts] = createSignal<Record<string, string>>(Object.fromEntries(o.fields().map((f) => [f, o.shown(f, base.values[f])])));
  /** Fields someone else changed while the user edits them: a notice offers theirs. */
  const [held, setHeld] = createSignal<{ fields: string[]; by: string; at: number } | null>(null);
  /** After a refusal: the other's text of each clashing field, shown beside the user's. */
  const [theirs, setTheirs] = createSignal<Record<string, string>>({});
  const dirty = () => dirtyFields(base, texts(), o.shown);

  // Fields come and go with the items (a reason written for an item not behind): a new one starts clean.
  createEffect(
    on(o.fields, (fields) => {
      const fresh = fields.filter((f) => !(f in base.values));
      if (fresh.length === 0) return;
      const notes = untrack(o.notes);
      base = { ...base, values: { ...base.values, ...Object.fromEntries(fresh.map((f) => [f, fieldValue(notes, f)])) } };
      setTexts((t) => ({ ...t, ...Object.fromEntries(fresh.map((f) => [f, o.shown(f, base.values[f])])) }));
    }),
  );

  createEffect(
    on(o.notes, (notes) => {
      if (!notes) return;
      const r = onRemote(base, untrack(dirty), notes);
      base = r.base;
      if (r.apply.length > 0) setTexts((t) => ({ ...t, ...Object.fromEntries(r.apply.filter((f) => f in t).map((f) => [f, o.shown(f, fieldValue(notes, f))])) }));
      if (r.held.length > 0) setHeld({ fields: [...new Set([...(untrack(held)?.fields ?? []), ...r.held])], by: notes.updatedBy, at: notes.updatedAt });
    }, { defer: true }),
  );

  /** Take the other's text into the fields held back (the notice's button). */
  const loadTheirs = () => {
    const notes = o.notes();
    const h = held();
    if (!notes || !h) return;
    base = acknowledge(base, notes, h.fields);
    setTexts((t) => ({ ...t, ...Object.fromEntries(h.fields.map((f) => [f, o.shown(f, fieldValue(notes, f))])) }));
    setHeld(null);
  };

  const save = async (): Promise<SaveOutcome> => {
    const fields = dirty();
    if (fields.length === 0) return { ok: true, unchanged: true };
    const r = await o.save(saveBody(base, texts(), fields));
    if (r.ok) {
      base = acknowledge(base, r.notes, fields);
      setTheirs({});
      setHeld(null);
      o.put(r.notes);
      return { ok: true, unchanged: false };
    }
    if (r.current) {
      // The user now sees the other's text beside their own: the next save merges knowingly.
      const current = r.current;
      const clash = (r.conflicts ?? []).filter((f) => f in base.values);
      base = acknowledge(base, current, clash);
      setTheirs(Object.fromEntries(clash.map((f) => [f, o.shown(f, fieldValue(current, f))])));
      setHeld(null);
      o.put(current);
    }
    return { ok: false, message: r.message };
  };

  return {
    text: (field: string) => texts()[field] ?? "",
    setText: (field: string, value: string) => setTexts((t) => ({ ...t, [field]: value })),
    held,
    theirs,
    loadTheirs,
    save,
  };
}

export type NotesDraft = ReturnType<typeof createNotesDraft>;
