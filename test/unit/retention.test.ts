import { describe, expect, it } from "vitest";
import { EVENT_RETENTION_DAYS } from "../../schema/api-base";
import { lastPerFonds, oldestKeptDay, prunableUpTo, pruneExpired } from "../../worker/live/retention";
import { LiveStore } from "../../worker/live/store";
import { checkBatch, type BatchContext, type CounterEvent } from "../../worker/live/validate";
import { sqliteStorage } from "./sqlite-storage";

const ZONE = "Asia/Ho_Chi_Minh";
const DAY_MS = 86_400_000;
/** 2026-11-30 17:00 in Viet Nam. */
const NOW = Date.parse("2026-11-30T17:00:00+07:00");

const ctx = (now = NOW): BatchContext => ({ fondsCodes: new Set(["1", "2"]), kinds: new Set(["pages"]), periodStart: "2026-01-01", timeZone: ZONE, now });

describe("the retention window", () => {
  it("keeps today and the 90 days before it, counted in the project's time zone", () => {
    expect(EVENT_RETENTION_DAYS).toBe(90);
    expect(oldestKeptDay(NOW, ZONE)).toBe("2026-09-01");
    // 00:30 on 1 December in Viet Nam is still 30 November in UTC: the project's day counts.
    expect(oldestKeptDay(Date.parse("2026-12-01T00:30:00+07:00"), ZONE)).toBe("2026-09-02");
  });

  it("accepts an event of the oldest kept day and refuses one of the day before, naming the event", () => {
    const lastKept = { id: "a", fonds: "1", kind: "pages" as const, delta: 5, at: "2026-09-01T00:00:00+07:00" };
    const tooOld = { ...lastKept, id: "b", at: "2026-08-31T23:59:59+07:00" };
    expect(checkBatch([lastKept], ctx())).toMatchObject({ ok: true, events: [{ id: "a", day: "2026-09-01" }] });
    const refused = checkBatch([lastKept, tooOld, { id: "c", fonds: "1", kind: "pages" as const, delta: 5 }], ctx());
    expect(refused).toEqual({
      ok: false,
      errors: [
        {
          path: "events.1.at",
          index: 1,
          id: "b",
          field: "at",
          message: expect.stringMatching(/^sự kiện cũ hơn 90 ngày \(trước 2026-09-01\).*\(older than 90 days, before 2026-09-01: no longer accepted; ask a supervisor for a correction\)$/),
        },
      ],
    });
  });

  it("says 'before the project period' rather than 'too old' for an event before the period", () => {
    const check = checkBatch([{ id: "a", fonds: "1", kind: "pages", delta: 5, at: "2025-12-31T12:00:00+07:00" }], ctx());
    expect(check).toMatchObject({ ok: false, errors: [{ field: "at", message: expect.stringContaining("before the project period") }] });
    expect(!check.ok && check.errors).toHaveLength(1);
  });
});

describe("what a pruning pass may take", () => {
  it("stops at what both the D1 outbox and the live feed are done with", () => {
    expect(prunableUpTo(10, 7)).toBe(7);
    expect(prunableUpTo(3, 7)).toBe(3);
  });

  it("remembers the last pruned event of each fonds", () => {
    const rows = [
      { seq: 4, fonds: "1", at: 40 },
      { seq: 9, fonds: "2", at: 90 },
      { seq: 7, fonds: "1", at: 70 },
      { seq: 2, fonds: "2", at: 20 },
    ];
    expect(lastPerFonds(rows)).toEqual([
      { seq: 7, fonds: "1", at: 70 },
      { seq: 9, fonds: "2", at: 90 },
    ]);
  });
});

describe("LiveStore.pruneBefore", () => {
  const at = (daysAgo: number) => NOW - daysAgo * DAY_MS;
  const ev = (id: string, daysAgo: number, fonds = "1"): CounterEvent => {
    const check = checkBatch([{ id, fonds, kind: "pages", delta: 10, at: new Date(at(daysAgo)).toISOString() }], ctx(at(daysAgo)));
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return check.events[0]!;
  };
  const ids = (store: LiveStore) => store.eventsBetween(0, store.seq).map((e) => e.id);

  /** Events posted on the day they were made, 100, 95, 91, 90 and 1 days ago; all flushed and broadcast. */
  async function storeWithHistory(): Promise<LiveStore> {
    const store = new LiveStore(await sqliteStorage());
    for (const [id, daysAgo, fonds] of [["d100", 100, "2"], ["d95", 95, "1"], ["d91", 91, "1"], ["d90", 90, "1"], ["d1", 1, "1"]] as const) {
      store.ingest("st-1", [ev(id, daysAgo, fonds)], at(daysAgo));
    }
    store.setMeta("flushed_seq", store.seq);
    store.setMeta("broadcast_seq", store.seq);
    return store;
  }

  it("forgets the ids of days before the window, keeps the rest and leaves every total as it was", async () => {
    const store = await storeWithHistory();
    const totals = store.fondsTotals([]);
    const days = store.days([]);
    expect(pruneExpired(store, NOW, ZONE)).toEqual({ pruned: 3, more: false });
    expect(ids(store)).toEqual(["d90", "d1"]);
    expect(store.fondsTotals([])).toEqual(totals);
    expect(store.days([])).toEqual(days);
    expect(store.meta("pruned_seq")).toBe(3);
    expect(pruneExpired(store, NOW, ZONE)).toEqual({ pruned: 0, more: false });
  });

  it("goes in batches of the given size and says when more is due", async () => {
    const store = await storeWithHistory();
    expect(pruneExpired(store, NOW, ZONE, 2)).toEqual({ pruned: 2, more: true });
    expect(pruneExpired(store, NOW, ZONE, 2)).toEqual({ pruned: 1, more: false });
    expect(ids(store)).toEqual(["d90", "d1"]);
  });

  it("leaves what D1 or the watchers have not had yet", async () => {
    const store = await storeWithHistory();
    store.setMeta("flushed_seq", 1);
    expect(pruneExpired(store, NOW, ZONE)).toEqual({ pruned: 1, more: false });
    store.setMeta("flushed_seq", 5);
    store.setMeta("broadcast_seq", 2);
    expect(pruneExpired(store, NOW, ZONE)).toEqual({ pruned: 1, more: false });
    expect(ids(store)).toEqual(["d91", "d90", "d1"]);
  });

  it("keeps a young id, so its retry is still a duplicate the day before the window passes it", async () => {
    const store = await storeWithHistory();
    pruneExpired(store, NOW, ZONE);
    expect(store.ingest("st-1", [ev("d90", 90)], NOW)).toMatchObject({ status: "ok", accepted: 0, duplicates: 1 });
  });

  it("answers the last event an audience sees as before, when it was pruned", async () => {
    const store = await storeWithHistory();
    // Fonds "1" hidden: the last event the audience sees is d100 (fonds "2"), which is pruned.
    const before = [store.lastVisible(["1"], store.seq), store.lastVisible(["2"], store.seq), store.lastVisible(["1"], 2)];
    pruneExpired(store, NOW, ZONE);
    expect([store.lastVisible(["1"], store.seq), store.lastVisible(["2"], store.seq), store.lastVisible(["1"], 2)]).toEqual(before);
    expect(before[0]).toEqual({ seq: 1, at: at(100) });
  });

  it("finds the rows to prune through the day index, not by walking the young rows", async () => {
    const storage = await sqliteStorage();
    new LiveStore(storage);
    const plan = storage.sql
      .exec("EXPLAIN QUERY PLAN SELECT seq, fonds, at FROM events INDEXED BY events_day WHERE day < ? AND seq <= ? LIMIT ?", "2026-09-01", 10, 5)
      .toArray()
      .map((r) => String(r.detail));
    expect(plan.join("\n")).toContain("USING INDEX events_day (day<?)");
  });

  it("gives an object created before the retention its day index when opened", async () => {
    const storage = await sqliteStorage();
    storage.sql.exec(
      "CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, station TEXT NOT NULL, fonds TEXT NOT NULL, kind TEXT NOT NULL, delta INTEGER NOT NULL, at INTEGER NOT NULL, day TEXT NOT NULL)",
    );
    storage.sql.exec("INSERT INTO events VALUES (1, 'old', 'st-1', '1', 'pages', 10, ?, '2026-06-01')", at(182));
    const store = new LiveStore(storage);
    const indexes = storage.sql.exec("SELECT name FROM pragma_index_list('events')").toArray().map((r) => r.name);
    expect(indexes).toContain("events_day");
    store.setMeta("seq", 1);
    store.setMeta("flushed_seq", 1);
    store.setMeta("broadcast_seq", 1);
    expect(pruneExpired(store, NOW, ZONE)).toEqual({ pruned: 1, more: false });
  });
});
