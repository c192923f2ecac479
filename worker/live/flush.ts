// Write-through from a project's Durable Object to D1 (the outbox is everything after `flushed_seq`).
// One D1 batch per chunk, whatever the number of events: rows travel as one bound JSON parameter and
// SQLite's json_each unpacks them (D1 allows 100 bound parameters, not 100 rows). Idempotent: events are inserted once by id, and cells carry absolute
// amounts, so a retried or repeated flush converges on the same D1 state.
import type { LiveStore } from "./store";

/** Events per D1 batch: keeps each JSON parameter well under D1's 2 MB value limit. */
export const FLUSH_CHUNK = 4000;

// Bound parameters: ?1 project id, ?2 a JSON array of rows.
const INSERT_EVENTS = `
  INSERT INTO counter_events (project_id, event_id, seq, station_id, fonds_code, kind, delta, at, day)
  SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7
  FROM json_each(?2) WHERE true
  ON CONFLICT (project_id, event_id) DO NOTHING`;

const UPSERT_DAILY_TOTALS = `
  INSERT INTO daily_totals (project_id, fonds_code, kind, station_id, day, amount, seq)
  SELECT ?1, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5
  FROM json_each(?2) WHERE true
  ON CONFLICT (project_id, fonds_code, kind, station_id, day)
  DO UPDATE SET amount = excluded.amount, seq = excluded.seq WHERE excluded.seq >= daily_totals.seq`;

export interface FlushOutcome {
  /** Events still in the outbox after this chunk: another pass is due at once. */
  remaining: number;
}

export async function flushOnce(store: LiveStore, d1: D1Database, projectId: string): Promise<FlushOutcome> {
  const from = store.meta("flushed_seq");
  const seq = store.seq;
  if (from >= seq) return { remaining: 0 };
  const upTo = Math.min(seq, from + FLUSH_CHUNK);
  const events = store.eventsBetween(from, upTo).map((e) => [e.id, e.seq, e.station, e.fonds, e.kind, e.delta, e.at, e.day]);
  const cells = store.cellsChangedBetween(from, upTo).map((c) => [c.fonds, c.kind, c.station, c.day, c.amount, c.changedSeq]);
  await d1.batch([
    d1.prepare(INSERT_EVENTS).bind(projectId, JSON.stringify(events)),
    d1.prepare(UPSERT_DAILY_TOTALS).bind(projectId, JSON.stringify(cells)),
  ]);
  // Only after D1 has the rows: a failure above leaves the outbox as it was, to be retried.
  store.setMeta("flushed_seq", upTo);
  return { remaining: seq - upTo };
}
