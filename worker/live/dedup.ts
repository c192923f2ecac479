// Whether each posted event is new, a retry of one already accepted (a duplicate, counted once), or a
// conflict: an id already accepted with other content, which would otherwise lose a station's work
// without anyone knowing. Pure; worker/live/store.ts runs it against the stored rows inside the ingest
// transaction, so the check and the write see the same state.
import type { CounterEvent, EventError } from "./validate";

/**
 * What an event id stands for: who counted how much of what, on which day. The time within the day is
 * not part of it (a client may stamp a retry anew, and counters are kept per day); the day is, but only
 * when the station stated it: a retry without `at` matches whatever day the first post was counted on.
 */
export interface EventContent {
  station: string;
  fonds: string;
  kind: string;
  /** In the kind's smallest unit, so "33.6" and "33.60" metres are the same content. */
  delta: number;
  day: string;
}

type ContentField = keyof EventContent;

/** Field names as an operator reads them, Vietnamese then English (the project's message style). */
const FIELD_NAMES: Record<ContentField, [vi: string, en: string]> = {
  station: ["trạm", "station"],
  fonds: ["phông", "fonds"],
  kind: ["loại công việc", "kind"],
  delta: ["số lượng", "delta"],
  day: ["ngày", "day"],
};

export function contentDifferences(first: EventContent, again: EventContent, dayStated: boolean): ContentField[] {
  return (Object.keys(FIELD_NAMES) as ContentField[]).filter((f) => (f !== "day" || dayStated) && first[f] !== again[f]);
}

export type SortedBatch = { ok: true; fresh: CounterEvent[]; duplicates: number } | { ok: false; conflicts: EventError[] };

/**
 * `accepted`: the stored content of those of the batch's ids the project already has. A batch with any
 * conflict is refused whole, like a batch with an invalid event (worker/live/validate.ts), so a station
 * never has half a batch counted; an id repeated inside the batch is held to the same rule as a retry.
 */
export function sortBatch(station: string, events: readonly CounterEvent[], accepted: ReadonlyMap<string, EventContent>): SortedBatch {
  const fresh: CounterEvent[] = [];
  const inBatch = new Map<string, { index: number; content: EventContent }>();
  const conflicts: EventError[] = [];
  events.forEach((e, index) => {
    const content: EventContent = { station, fonds: e.fonds, kind: e.kind, delta: e.delta, day: e.day };
    const dayStated = e.dayFromServer !== true;
    const stored = accepted.get(e.id);
    const earlier = inBatch.get(e.id);
    const fail = (message: string) => conflicts.push({ path: `events.${index}.id`, index, id: e.id, field: "id", message });
    if (stored) {
      const diff = contentDifferences(stored, content, dayStated);
      if (diff.length > 0) fail(`mã đã được nhận với ${names(diff, 0)} khác (id already accepted with another ${names(diff, 1)})`);
    } else if (earlier) {
      const diff = contentDifferences(earlier.content, content, dayStated);
      if (diff.length > 0) fail(`trùng mã với sự kiện ${earlier.index} trong lô nhưng khác ${names(diff, 0)} (same id as event ${earlier.index} with another ${names(diff, 1)})`);
    } else {
      inBatch.set(e.id, { index, content });
      fresh.push(e);
    }
  });
  return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, fresh, duplicates: events.length - fresh.length };
}

function names(fields: readonly ContentField[], lang: 0 | 1): string {
  return fields.map((f) => FIELD_NAMES[f][lang]).join(", ");
}
