import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_EVENTS_PER_BATCH } from "../../schema/api";
import { BATCH_SIZE, Outbox, type QueuedEntry, type SendResult } from "../../web/src/entry/outbox";
import { entry } from "./entry-fixture";

/** An outbox over an in-memory store (IndexedDB in the page) and a network the test answers by hand. */
function harness(stored: QueuedEntry[] = []) {
  let saved: readonly QueuedEntry[] = stored;
  const calls: { ids: string[]; answer: (r: SendResult) => void }[] = [];
  let sent = 0;
  const outbox = new Outbox({
    load: async () => [...saved],
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
    await h.outbox.start();
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
    await h.outbox.start();
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
    await h.outbox.start();
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
    await h.outbox.start();
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
    await h.outbox.start();
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
    await h.outbox.start();
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
    await h.outbox.start();
    h.calls[0]!.answer({ type: "conflict", message: "conflict", byIndex: new Map() });
    await vi.runAllTimersAsync();
    expect(h.saved().map((e) => [e.id, e.conflict, e.rejected])).toEqual([["a", true, "conflict"], ["b", true, "conflict"]]);
    expect(h.calls).toHaveLength(1);
  });

  it("takes a refusal that names no entry as the whole batch's", async () => {
    const h = harness([entry("a"), entry("b")]);
    await h.outbox.start();
    h.calls[0]!.answer({ type: "invalid", message: "body too large", byIndex: new Map([[99, "?"]]) });
    await vi.runAllTimersAsync();
    expect(h.saved().map((e) => e.rejected)).toEqual(["body too large", "body too large"]);
    expect(h.calls).toHaveLength(1);
  });

  it("stops on a refused token, keeping everything, until it is given again", async () => {
    const h = harness([entry("a")]);
    await h.outbox.start();
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

  it("keeps entries made before the stored ones are read, after them, and saves nothing before (it would overwrite them)", async () => {
    const h = harness([entry("a")]);
    const started = h.outbox.start();
    h.outbox.add([entry("b"), entry("a")]);
    expect(h.saved().map((e) => e.id)).toEqual(["a"]);
    expect(h.calls).toHaveLength(0);
    await started;
    expect(h.saved().map((e) => e.id)).toEqual(["a", "b"]);
    expect(h.calls.map((c) => c.ids)).toEqual([["a", "b"]]);
  });

  it("never overwrites stored entries it could not read, and still sends what is entered", async () => {
    let saves = 0;
    const calls: string[][] = [];
    const outbox = new Outbox({
      load: () => Promise.reject(new Error("IndexedDB blocked")),
      save: () => saves++,
      send: async (batch) => (calls.push(batch.map((e) => e.id)), ok),
      onChange: () => {},
    });
    await outbox.start();
    outbox.add([entry("a")]);
    await vi.runAllTimersAsync();
    expect(calls).toEqual([["a"]]);
    expect(saves).toBe(0);
  });

  it("sends at most one batch at a time, in batches the API takes", async () => {
    expect(BATCH_SIZE).toBe(MAX_EVENTS_PER_BATCH);
    const h = harness(Array.from({ length: BATCH_SIZE + 3 }, (_, i) => entry(`e${i}`)));
    await h.outbox.start();
    h.outbox.add([entry("late")]);
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.ids).toHaveLength(BATCH_SIZE);
    h.calls[0]!.answer(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls[1]!.ids).toEqual(["e500", "e501", "e502", "late"]);
  });
});
