import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_EVENTS_PER_BATCH } from "../../schema/api";
import { entriesFromForm, totalsForDay } from "../../web/src/entry/entries";
import { projectIsoTime } from "../../schema/time";
import { BATCH_SIZE, Outbox, type Entry, type QueuedEntry, type SendResult } from "../../web/src/entry/outbox";
import { readSendResult, reasonsByIndex } from "../../web/src/entry/station-api";

const entry = (id: string, over: Partial<Entry> = {}): Entry => ({
  id,
  fonds: "4",
  kind: "pages",
  amount: 10,
  decimals: 0,
  at: "2027-03-01T09:00:00+07:00",
  day: "2027-03-01",
  ...over,
});

/** An outbox over a fake localStorage and a network the test answers by hand. */
function harness(stored: QueuedEntry[] = []) {
  let saved: readonly QueuedEntry[] = stored;
  const calls: { ids: string[]; answer: (r: SendResult) => void }[] = [];
  let sent = 0;
  const outbox = new Outbox({
    load: () => [...saved],
    save: (list) => void (saved = list),
    send: (batch) => new Promise((resolve) => calls.push({ ids: batch.map((e) => e.id), answer: resolve })),
    onChange: () => {},
    onSent: () => sent++,
    random: () => 1,
  });
  return { outbox, calls, saved: () => saved, sentCount: () => sent };
}

const ok: SendResult = { type: "ok", accepted: 1, duplicates: 0 };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2027, 2, 1, 2));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("Outbox", () => {
  it("keeps entries until the server has them, then forgets them", async () => {
    const h = harness();
    h.outbox.start();
    h.outbox.add([entry("a"), entry("b")]);
    expect(h.calls.map((c) => c.ids)).toEqual([["a", "b"]]);
    expect(h.saved().map((e) => e.id)).toEqual(["a", "b"]);
    h.calls[0]!.answer(ok);
    await vi.runAllTimersAsync();
    expect(h.saved()).toEqual([]);
    expect(h.sentCount()).toBe(1);
  });

  it("resends the same ids after the network fails, backing off, and at once when it is back", async () => {
    const h = harness([entry("a")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "unavailable" });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // 1 s after the first failure
    expect(h.calls.map((c) => c.ids)).toEqual([["a"], ["a"]]);
    h.calls[1]!.answer({ type: "unavailable" });
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.calls).toHaveLength(2); // 2 s after the second
    h.outbox.retryNow(); // the browser says it is online again
    expect(h.calls.map((c) => c.ids)).toEqual([["a"], ["a"], ["a"]]);
    // The answer to the lost attempt never came; the server counted it, and says so now: a duplicate.
    h.calls[2]!.answer({ type: "ok", accepted: 0, duplicates: 1 });
    await vi.runAllTimersAsync();
    expect(h.saved()).toEqual([]);
  });

  it("a periodic drain sends waiting entries, but never before a backoff or a 429's wait is over", async () => {
    const h = harness([entry("a")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "unavailable" });
    await vi.advanceTimersByTimeAsync(0);
    h.outbox.drain();
    expect(h.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    h.calls[1]!.answer({ type: "retry_after", seconds: 30 });
    await vi.advanceTimersByTimeAsync(29_000);
    h.outbox.drain();
    expect(h.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    h.calls[2]!.answer(ok);
    await vi.advanceTimersByTimeAsync(0);
    h.outbox.drain();
    expect(h.calls).toHaveLength(3);
    expect(h.saved()).toEqual([]);
  });

  it("honours a 429's Retry-After, even for a new entry", async () => {
    const h = harness([entry("a")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "retry_after", seconds: 7 });
    await vi.advanceTimersByTimeAsync(0);
    h.outbox.add([entry("b")]);
    await vi.advanceTimersByTimeAsync(6999);
    expect(h.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls[1]!.ids).toEqual(["a", "b"]);
  });

  it("marks only the entries the server names as wrong, sends the rest again, and never resends the wrong ones", async () => {
    const h = harness([entry("a"), entry("b", { fonds: "gone" }), entry("c")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "invalid", message: "invalid events", byIndex: new Map([[1, "unknown fonds"]]) });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls[1]!.ids).toEqual(["a", "c"]);
    h.calls[1]!.answer(ok);
    await vi.runAllTimersAsync();
    expect(h.saved()).toEqual([{ ...entry("b", { fonds: "gone" }), rejected: "unknown fonds" }]);
    h.outbox.retryNow();
    expect(h.calls).toHaveLength(2);
    h.outbox.discard("b");
    expect(h.saved()).toEqual([]);
  });

  it("keeps an entry whose id the server holds with other counts (409) as refused, sends the rest, and never loops", async () => {
    const h = harness([entry("a"), entry("b"), entry("c")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "conflict", message: "ids already accepted", byIndex: new Map([[1, "id already accepted with another delta"]]) });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls[1]!.ids).toEqual(["a", "c"]);
    h.calls[1]!.answer(ok);
    await vi.runAllTimersAsync();
    expect(h.saved()).toEqual([{ ...entry("b"), conflict: true, rejected: "id already accepted with another delta" }]);
    h.outbox.retryNow();
    await vi.runAllTimersAsync();
    expect(h.calls).toHaveLength(2);
  });

  it("takes a 409 that names no entry as the whole batch's, kept and not resent", async () => {
    const h = harness([entry("a"), entry("b")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "conflict", message: "conflict", byIndex: new Map() });
    await vi.runAllTimersAsync();
    expect(h.saved().map((e) => [e.id, e.conflict, e.rejected])).toEqual([["a", true, "conflict"], ["b", true, "conflict"]]);
    expect(h.calls).toHaveLength(1);
  });

  it("takes a refusal that names no entry as the whole batch's", async () => {
    const h = harness([entry("a"), entry("b")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "invalid", message: "body too large", byIndex: new Map([[99, "?"]]) });
    await vi.runAllTimersAsync();
    expect(h.saved().map((e) => e.rejected)).toEqual(["body too large", "body too large"]);
    expect(h.calls).toHaveLength(1);
  });

  it("stops on a refused token, keeping everything, until it is given again", async () => {
    const h = harness([entry("a")]);
    h.outbox.start();
    h.calls[0]!.answer({ type: "unauthorized" });
    await vi.runAllTimersAsync();
    expect(h.calls).toHaveLength(1);
    // A new entry is the operator at work: one more attempt, with the token as it is.
    h.outbox.add([entry("b")]);
    expect(h.calls).toHaveLength(2);
    h.calls[1]!.answer({ type: "unauthorized" });
    await vi.runAllTimersAsync();
    expect(h.saved().map((e) => e.id)).toEqual(["a", "b"]);
    expect(h.calls).toHaveLength(2);
  });

  it("sends at most one batch at a time, in batches the API takes", async () => {
    expect(BATCH_SIZE).toBe(MAX_EVENTS_PER_BATCH);
    const h = harness(Array.from({ length: BATCH_SIZE + 3 }, (_, i) => entry(`e${i}`)));
    h.outbox.start();
    h.outbox.add([entry("late")]);
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.ids).toHaveLength(BATCH_SIZE);
    h.calls[0]!.answer(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls[1]!.ids).toEqual(["e500", "e501", "e502", "late"]);
  });
});

describe("entries from the form", () => {
  const ids = () => {
    let n = 0;
    return () => `id-${++n}`;
  };

  it("makes one entry per kind with an amount, in the kind's smallest unit, stamped on the Vietnamese clock", () => {
    const at = Date.UTC(2027, 2, 1, 17, 30); // 00:30 on 2 March in Viet Nam
    const r = entriesFromForm("4", { pages: "1.234", metres: "2,5", files: "" }, "vi", at, ids());
    expect(r).toEqual({
      ok: true,
      entries: [
        { id: "id-1", fonds: "4", kind: "pages", amount: 1234, decimals: 0, at: "2027-03-02T00:30:00+07:00", day: "2027-03-02" },
        { id: "id-2", fonds: "4", kind: "metres", amount: 250, decimals: 2, at: "2027-03-02T00:30:00+07:00", day: "2027-03-02" },
      ],
    });
    expect(projectIsoTime(at)).toBe("2027-03-02T00:30:00+07:00");
  });

  it("refuses what is not a positive amount for its kind, in the page's number format", () => {
    expect(entriesFromForm("4", { pages: "1,5", metres: "0", files: "abc" }, "vi", 0, ids())).toEqual({
      ok: false,
      invalid: [
        { kind: "pages", problem: "wholeOnly" },
        { kind: "metres", problem: "below" },
        { kind: "files", problem: "notNumber" },
      ],
    });
    expect(entriesFromForm("4", { pages: "1,234" }, "en", 0, ids())).toMatchObject({ ok: true, entries: [{ amount: 1234 }] });
  });

  it("adds what is waiting to what the server counted today, for today only", () => {
    const t = totalsForDay(
      [
        { kind: "pages", amount: 100 },
        { kind: "pages", amount: 20 },
      ],
      [entry("a", { amount: 5 }), entry("b", { amount: 7, day: "2027-02-28" }), { ...entry("c", { amount: 9 }), rejected: "no" }],
      "2027-03-01",
    );
    expect(Object.fromEntries(t.confirmed)).toEqual({ pages: 120 });
    expect(Object.fromEntries(t.pending)).toEqual({ pages: 5 });
  });
});

describe("reading POST /counters answers", () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

  it("tells counted, wrong, throttled, unauthorized and unavailable apart", async () => {
    expect(await readSendResult(json(200, { accepted: 2, duplicates: 1, seq: 9 }))).toEqual({ type: "ok", accepted: 2, duplicates: 1 });
    expect(await readSendResult(json(429, {}, { "Retry-After": "3" }))).toEqual({ type: "retry_after", seconds: 3 });
    expect(await readSendResult(json(401, {}))).toEqual({ type: "unauthorized" });
    expect(await readSendResult(json(403, {}))).toEqual({ type: "unauthorized" });
    expect(await readSendResult(json(503, {}))).toEqual({ type: "unavailable" });
    const bad = await readSendResult(json(400, { error: { code: "validation_failed", message: "invalid events", details: [{ index: 2, field: "fonds", message: "unknown fonds" }] } }));
    expect(bad).toEqual({ type: "invalid", message: "invalid events", byIndex: new Map([[2, "unknown fonds"]]) });
    expect(await readSendResult(new Response("too large", { status: 413 }))).toMatchObject({ type: "invalid", message: "HTTP 413", byIndex: new Map() });
  });

  it("tells a 409 conflict apart, with the events it names", async () => {
    const body = { error: { code: "conflict", message: "ids already accepted", details: [{ index: 0, path: "events.0.id", field: "id", message: "another delta" }] } };
    expect(await readSendResult(json(409, body))).toEqual({ type: "conflict", message: "ids already accepted", byIndex: new Map([[0, "another delta"]]) });
  });

  it("finds the bad events in both shapes of error details", () => {
    expect(reasonsByIndex([{ path: "events.3.delta", message: "too big" }, { path: "events.3.kind", message: "bad kind" }, { path: "events", message: "x" }])).toEqual(
      new Map([[3, "too big; bad kind"]]),
    );
    expect(reasonsByIndex(null)).toEqual(new Map());
  });
});
