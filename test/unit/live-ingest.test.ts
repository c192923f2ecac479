import { describe, expect, it } from "vitest";
import { sortBatch, type EventContent } from "../../worker/live/dedup";
import { LiveStore } from "../../worker/live/store";
import type { CounterEvent } from "../../worker/live/validate";
import { sqliteStorage } from "./sqlite-storage";

const DAY = "2026-03-02";
const AT = Date.parse("2026-03-02T09:00:00+07:00");

const ev = (id: string, over: Partial<CounterEvent> = {}): CounterEvent => ({ id, fonds: "1", kind: "pages", delta: 10, at: AT, day: DAY, ...over });
const stored = (over: Partial<EventContent> = {}): EventContent => ({ station: "st-1", fonds: "1", kind: "pages", delta: 10, day: DAY, ...over });

describe("sortBatch", () => {
  it("takes an id already accepted with the same content for a retry, whatever the time within the day", () => {
    const sorted = sortBatch("st-1", [ev("a", { at: AT + 3_600_000 }), ev("b")], new Map([["a", stored()]]));
    expect(sorted).toEqual({ ok: true, fresh: [ev("b")], duplicates: 1 });
  });

  it("refuses the batch and names each id already accepted with other content, saying what differs", () => {
    const accepted = new Map([["a", stored()], ["b", stored()], ["c", stored()]]);
    const sorted = sortBatch("st-1", [ev("new"), ev("a", { delta: 11 }), ev("b"), ev("c", { fonds: "2", kind: "files" })], accepted);
    expect(sorted).toEqual({
      ok: false,
      conflicts: [
        { path: "events.1.id", index: 1, id: "a", field: "id", message: "mã đã được nhận với số lượng khác (id already accepted with another delta)" },
        { path: "events.3.id", index: 3, id: "c", field: "id", message: "mã đã được nhận với phông, loại công việc khác (id already accepted with another fonds, kind)" },
      ],
    });
  });

  it("holds another station's use of an accepted id for a conflict, even with the same numbers", () => {
    const sorted = sortBatch("st-2", [ev("a")], new Map([["a", stored()]]));
    expect(sorted.ok).toBe(false);
    expect(!sorted.ok && sorted.conflicts[0]?.message).toContain("station");
  });

  it("compares the day only when the station stated it: a retry without `at` matches the day first counted", () => {
    const accepted = new Map([["a", stored()]]);
    expect(sortBatch("st-1", [ev("a", { day: "2026-03-05", dayFromServer: true })], accepted)).toMatchObject({ ok: true, duplicates: 1 });
    expect(sortBatch("st-1", [ev("a", { day: "2026-03-05" })], accepted)).toMatchObject({ ok: false, conflicts: [{ index: 0, message: expect.stringContaining("day") }] });
  });

  it("counts an id repeated in the batch once, and refuses the batch when the repeat differs", () => {
    expect(sortBatch("st-1", [ev("a"), ev("a", { at: AT + 1 })], new Map())).toEqual({ ok: true, fresh: [ev("a")], duplicates: 1 });
    expect(sortBatch("st-1", [ev("a"), ev("b"), ev("a", { delta: 12 })], new Map())).toMatchObject({
      ok: false,
      conflicts: [{ index: 2, path: "events.2.id", field: "id", message: expect.stringContaining("event 0") }],
    });
  });
});

describe("LiveStore.ingest", () => {
  it("counts a retry once and applies nothing of a conflicting batch: totals, seq, outbox and last post stay", async () => {
    const store = new LiveStore(await sqliteStorage());
    expect(store.ingest("st-1", [ev("a"), ev("b", { delta: 5 })], 1_000)).toEqual({ status: "ok", accepted: 2, duplicates: 0, seq: 2 });
    expect(store.ingest("st-1", [ev("a"), ev("b", { delta: 5 })], 2_000)).toEqual({ status: "ok", accepted: 0, duplicates: 2, seq: 2 });

    const refused = store.ingest("st-1", [ev("c", { delta: 100 }), ev("b", { delta: 50 })], 3_000);
    expect(refused).toMatchObject({ status: "conflict", seq: 2, conflicts: [{ index: 1, id: "b", field: "id" }] });
    expect(store.seq).toBe(2);
    expect(store.fondsTotals([])).toEqual([{ fonds: "1", kind: "pages", amount: 15 }]);
    expect(store.eventsBetween(0, 10).map((e) => [e.id, e.delta])).toEqual([["a", 10], ["b", 5]]);
    expect(store.stationsLastPost()).toEqual(new Map([["st-1", 2_000]]));
    expect(store.meta("last_activity")).toBe(1_000);

    // The refused batch's new event was not kept: it counts when sent again on its own.
    expect(store.ingest("st-1", [ev("c", { delta: 100 })], 4_000)).toEqual({ status: "ok", accepted: 1, duplicates: 0, seq: 3 });
  });

  it("checks new posts against the events an object already holds when it is opened again", async () => {
    const storage = await sqliteStorage();
    new LiveStore(storage).ingest("st-1", [ev("a")], 1_000);
    const reopened = new LiveStore(storage);
    expect(reopened.ingest("st-2", [ev("a")], 2_000)).toMatchObject({ status: "conflict", seq: 1 });
    expect(reopened.ingest("st-1", [ev("a", { dayFromServer: true, day: "2026-03-09" })], 2_000)).toMatchObject({ status: "ok", duplicates: 1 });
  });
});
