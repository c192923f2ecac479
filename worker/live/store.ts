// The project's live state in its Durable Object's SQLite: accepted events by id (deduplication, kept for
// EVENT_RETENTION_DAYS: worker/live/retention.ts), totals per fonds × kind × station × day, and the
// sequence numbers that drive the feed and the D1 outbox.
// Synchronous on purpose: a whole batch is applied inside one transactionSync, so it is all or nothing.
import type { Cell, DayTotal, FondsTotal, StationDayTotal, StationSeen } from "../../schema/wire";
import { sortBatch, type EventContent } from "./dedup";
import { lastPerFonds, prunableUpTo, type PruneOutcome } from "./retention";
import { createTables } from "./store-tables";
import type { CounterEvent, EventError } from "./validate";

/** Counters kept in `meta`. `pruned_seq`: the highest seq pruned; a replay from below it can no longer be made from the rows (fanout.ts). */
type MetaKey = "seq" | "flushed_seq" | "broadcast_seq" | "pruned_seq" | "last_activity" | "flushed_transition" | "flushed_delivery";

export type IngestOutcome =
  | { status: "ok"; accepted: number; duplicates: number; seq: number }
  /** Nothing was applied; `seq` is unchanged. */
  | { status: "conflict"; conflicts: EventError[]; seq: number };

export interface StoredEvent extends CounterEvent {
  seq: number;
  station: string;
}

export interface StoredCell extends Cell {
  changedSeq: number;
}

export class LiveStore {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly sql = storage.sql,
  ) {
    createTables(sql);
  }

  private rows<T>(query: string, ...params: SqlStorageValue[]): T[] {
    return this.sql.exec(query, ...params).toArray() as unknown as T[];
  }

  meta(key: MetaKey): number {
    const row = this.sql.exec<{ value: number }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row?.value ?? 0;
  }

  setMeta(key: MetaKey, value: number): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
  }

  get seq(): number {
    return this.meta("seq");
  }

  /**
   * Applies the events not seen before; an id already accepted with the same content changes nothing
   * (a retry), with other content refuses the whole batch and changes nothing at all (worker/live/dedup.ts).
   * The `events` rows have always kept station, fonds, kind, delta and day next to the id, so objects
   * created before this rule are checked against their existing rows with no migration.
   */
  ingest(station: string, events: readonly CounterEvent[], now: number, client: string | null = null): IngestOutcome {
    // Three statements per batch whatever its size (rows travel as JSON): the per-statement cost,
    // not SQLite, is what a batch of hundreds of events would otherwise spend its time on.
    return this.storage.transactionSync(() => {
      const accepted = new Map(
        this.rows<EventContent & { id: string }>(
          "SELECT id, station, fonds, kind, delta, day FROM events WHERE id IN (SELECT value FROM json_each(?))",
          JSON.stringify(events.map((e) => e.id)),
        ).map(({ id, ...content }) => [id, content]),
      );
      const sorted = sortBatch(station, events, accepted);
      // Not even stations_seen: a refused batch is not work done, and a station whose posts keep being
      // refused should fall silent on the dashboard rather than look busy.
      if (!sorted.ok) return { status: "conflict", conflicts: sorted.conflicts, seq: this.seq };
      let seq = this.seq;
      const fresh: (string | number)[][] = [];
      const cells = new Map<string, [string, string, string, string, number, number]>();
      for (const e of sorted.fresh) {
        seq++;
        fresh.push([seq, e.id, e.fonds, e.kind, e.delta, e.at, e.day]);
        const key = `${e.fonds}\u0000${e.kind}\u0000${e.day}`;
        const cell = cells.get(key);
        if (cell) {
          cell[4] += e.delta;
          cell[5] = seq;
        } else cells.set(key, [e.fonds, e.kind, station, e.day, e.delta, seq]);
      }
      if (fresh.length > 0) {
        this.sql.exec(
          `INSERT INTO events (seq, id, station, fonds, kind, delta, at, day)
           SELECT value->>0, value->>1, ?, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(?)`,
          station,
          JSON.stringify(fresh),
        );
        this.sql.exec(
          `INSERT INTO cells (fonds, kind, station, day, amount, changed_seq)
           SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?) WHERE true
           ON CONFLICT(fonds, kind, station, day) DO UPDATE SET amount = amount + excluded.amount, changed_seq = excluded.changed_seq`,
          JSON.stringify([...cells.values()]),
        );
        this.setMeta("seq", seq);
        this.setMeta("last_activity", now);
      }
      // Any post, even all duplicates, shows the station is alive (silent-station rule).
      this.sql.exec(
        "INSERT INTO stations_seen (station, last_at, client) VALUES (?, ?, ?) ON CONFLICT(station) DO UPDATE SET last_at = excluded.last_at, client = COALESCE(excluded.client, client)",
        station,
        now,
        client,
      );
      return { status: "ok", accepted: fresh.length, duplicates: sorted.duplicates, seq };
    });
  }

  /** Amounts added in (since, upTo], coalesced per cell: the body of a delta frame or of a replay. */
  changesSince(since: number, upTo: number): Cell[] {
    return this.rows<Cell>(
      `SELECT fonds, kind, station, day, SUM(delta) AS amount FROM events
       WHERE seq > ? AND seq <= ? GROUP BY fonds, kind, station, day`,
      since,
      upTo,
    );
  }

  // `hidden`: fonds codes left out (restricted fonds for viewers who may not see them).
  fondsTotals(hidden: readonly string[]): FondsTotal[] {
    return this.rows<FondsTotal>(
      "SELECT fonds, kind, SUM(amount) AS amount FROM cells WHERE fonds NOT IN (SELECT value FROM json_each(?)) GROUP BY fonds, kind",
      JSON.stringify(hidden),
    );
  }

  stationDays(fromDay: string, hidden: readonly string[]): StationDayTotal[] {
    return this.rows<StationDayTotal>(
      `SELECT station, kind, day, SUM(amount) AS amount FROM cells
       WHERE day >= ? AND fonds NOT IN (SELECT value FROM json_each(?)) GROUP BY station, kind, day`,
      fromDay,
      JSON.stringify(hidden),
    );
  }

  days(hidden: readonly string[]): DayTotal[] {
    return this.rows<DayTotal>(
      "SELECT kind, day, SUM(amount) AS amount FROM cells WHERE fonds NOT IN (SELECT value FROM json_each(?)) GROUP BY kind, day ORDER BY day",
      JSON.stringify(hidden),
    );
  }

  /** Daily totals per fonds × kind from `fromDay` on (current rates for the alert rules). */
  dailyByFonds(fromDay: string): { fonds: string; kind: string; day: string; amount: number }[] {
    return this.rows("SELECT fonds, kind, day, SUM(amount) AS amount FROM cells WHERE day >= ? GROUP BY fonds, kind, day", fromDay);
  }

  /** When each station last posted, and what posted (schema/station-client.ts). */
  stationsSeen(): StationSeen[] {
    return this.rows<StationSeen>("SELECT station, last_at AS lastPostAt, client FROM stations_seen");
  }

  stationsLastPost(): Map<string, number> {
    return new Map(this.rows<{ station: string; last_at: number }>("SELECT station, last_at FROM stations_seen").map((r) => [r.station, r.last_at]));
  }

  /** One station's own totals for one day (its entry page). */
  stationDay(station: string, day: string): FondsTotal[] {
    return this.rows<FondsTotal>(
      "SELECT fonds, kind, SUM(amount) AS amount FROM cells WHERE station = ? AND day = ? GROUP BY fonds, kind",
      station,
      day,
    );
  }

  /** The D1 outbox: events and the current amount of every cell changed in (after, upTo]. */
  eventsBetween(after: number, upTo: number): StoredEvent[] {
    return this.rows<StoredEvent>(
      "SELECT seq, id, station, fonds, kind, delta, at, day FROM events WHERE seq > ? AND seq <= ? ORDER BY seq",
      after,
      upTo,
    );
  }

  cellsChangedBetween(after: number, upTo: number): StoredCell[] {
    return this.rows<StoredCell>(
      "SELECT fonds, kind, station, day, amount, changed_seq AS changedSeq FROM cells WHERE changed_seq > ? AND changed_seq <= ?",
      after,
      upTo,
    );
  }
  /**
   * The last event up to `upTo` outside the hidden fonds: the sequence number (and time) an audience
   * that may not see them holds, so its frames and snapshots step only when something it sees changed.
   */
  lastVisible(hidden: readonly string[], upTo: number): { seq: number; at: number | null } {
    if (hidden.length === 0) return { seq: upTo, at: this.meta("last_activity") || null };
    const candidates = this.rows<{ seq: number; at: number }>(
      `SELECT * FROM (SELECT seq, at FROM events WHERE seq <= ?1 AND fonds NOT IN (SELECT value FROM json_each(?2)) ORDER BY seq DESC LIMIT 1)
       UNION ALL
       SELECT * FROM (SELECT seq, at FROM pruned_last WHERE seq <= ?1 AND fonds NOT IN (SELECT value FROM json_each(?2)) ORDER BY seq DESC LIMIT 1)`,
      upTo,
      JSON.stringify(hidden),
    );
    const row = candidates.reduce<{ seq: number; at: number } | undefined>((best, r) => (best && best.seq >= r.seq ? best : r), undefined);
    return { seq: row?.seq ?? 0, at: row?.at ?? null };
  }

  /**
   * Forgets up to `limit` event ids of days before `day` that the outbox and the feed are done with
   * (worker/live/retention.ts). Totals are in `cells` and stay as they are.
   */
  pruneBefore(day: string, limit: number): PruneOutcome {
    return this.storage.transactionSync(() => {
      // INDEXED BY: with `seq <=` SQLite may otherwise walk the rowid range, every young row included.
      const rows = this.rows<{ seq: number; fonds: string; at: number }>(
        "SELECT seq, fonds, at FROM events INDEXED BY events_day WHERE day < ? AND seq <= ? LIMIT ?",
        day,
        prunableUpTo(this.meta("flushed_seq"), this.meta("broadcast_seq")),
        limit + 1,
      );
      const batch = rows.slice(0, limit);
      if (batch.length === 0) return { pruned: 0, more: false };
      this.sql.exec(
        `INSERT INTO pruned_last (fonds, seq, at) SELECT value->>0, value->>1, value->>2 FROM json_each(?) WHERE true
         ON CONFLICT(fonds) DO UPDATE SET seq = excluded.seq, at = excluded.at WHERE excluded.seq > pruned_last.seq`,
        JSON.stringify(lastPerFonds(batch).map((r) => [r.fonds, r.seq, r.at])),
      );
      this.sql.exec("DELETE FROM events WHERE seq IN (SELECT value FROM json_each(?))", JSON.stringify(batch.map((r) => r.seq)));
      this.setMeta("pruned_seq", batch.reduce((max, r) => Math.max(max, r.seq), this.meta("pruned_seq")));
      return { pruned: batch.length, more: rows.length > limit };
    });
  }
}
