import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backoffMs, readAnswer, refusedIndexes, retryAfterSeconds } from "../../agent/answer";
import { fondsOf, parseConvention } from "../../agent/fonds";
import { eventId } from "../../agent/identity";
import { encodeLine, Journal } from "../../agent/journal";
import { apply, decide, emptyLedger } from "../../agent/ledger";
import { rotatingLog } from "../../agent/log";

describe("the folder convention", () => {
  it("reads the fonds from the first folder by default, and from where a pattern puts it", () => {
    const first = parseConvention("{fonds}/**");
    expect(fondsOf(first, "21/hop-3/0001.tif")).toBe("21");
    expect(fondsOf(first, "21\\0001.tif")).toBe("21");
    expect(fondsOf(first, "0001.tif")).toBeNull();
    const second = parseConvention("*/PHONG-{fonds}/**");
    expect(fondsOf(second, "2026-11-30/PHONG-7/a.pdf")).toBe("7");
    expect(fondsOf(second, "2026-11-30/khac/a.pdf")).toBeNull();
    expect(fondsOf(parseConvention("{fonds}"), "21/sub/a.tif")).toBeNull();
    expect(() => parseConvention("**/x")).toThrow();
    expect(() => parseConvention("a/b/**")).toThrow(/exactly one/);
  });
});

describe("deciding what a file adds", () => {
  const file = (path: string, hash: string) => ({ path, size: 1, mtimeMs: 1, hash });

  it("credits a content once, a larger replacement with the difference, and never a negative", () => {
    const ledger = emptyLedger();
    const first = decide(ledger, file("a", "h1"), "21", 5, undefined);
    expect(first).toMatchObject({ type: "post", event: { id: eventId("h1"), delta: 5 } });
    apply(ledger, first.record);
    expect(decide(ledger, file("copy", "h1"), "21", 5, undefined).type).toBe("known");
    const bigger = decide(ledger, file("a", "h2"), "21", 8, undefined);
    expect(bigger).toMatchObject({ type: "post", event: { id: eventId("h2", "h1"), delta: 3 } });
    apply(ledger, bigger.record);
    const smaller = decide(ledger, file("a", "h3"), "21", 6, undefined);
    expect(smaller.type).toBe("not_more");
    apply(ledger, smaller.record);
    // Credited stays at 8 through the smaller version: a later 10-page version adds 2, not 4.
    expect(decide(ledger, file("a", "h4"), "21", 10, undefined)).toMatchObject({ type: "post", event: { delta: 2 } });
  });

  it("gives ids within the API's 64 characters, the same for the same content", () => {
    expect(eventId("h1")).toBe(eventId("h1"));
    expect(eventId("h1", "h0")).not.toBe(eventId("h1"));
    expect(eventId("f".repeat(64), "e".repeat(64)).length).toBeLessThanOrEqual(64);
  });
});

describe("the journal", () => {
  it("drops a torn last line (a power cut mid-write) and keeps everything before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-journal-"));
    try {
      const path = join(dir, "journal.jsonl");
      const event = { id: "pg-1", fonds: "1", kind: "pages" as const, delta: 4 };
      writeFileSync(path, encodeLine({ post: event }) + encodeLine({ post: { ...event, id: "pg-2" } }));
      appendFileSync(path, encodeLine({ sent: ["pg-1"] }).slice(0, 20));
      const journal = await Journal.open(path);
      expect(journal.damaged).toBe(1);
      expect([...journal.ledger.pending.keys()]).toEqual(["pg-1", "pg-2"]);
      await journal.append([{ sent: ["pg-1"] }]);
      await journal.close();
      // Rewritten at open, so the new line did not join the torn one.
      const again = Journal.read(path);
      expect(again.damaged).toBe(0);
      expect([...again.ledger.pending.keys()]).toEqual(["pg-2"]);
      expect(again.ledger.postedPages).toBe(4);
      expect(readFileSync(path, "utf8").split("\n").filter(Boolean)).toHaveLength(4); // the snapshot (total, two events), then the append
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reading the server's answer", () => {
  it("tells taken, refused, unauthorized, slow down and try later apart", () => {
    expect(readAnswer(200, { accepted: 3, duplicates: 1 }, null)).toEqual({ type: "ok", accepted: 3, duplicates: 1 });
    expect(readAnswer(409, { error: { message: "conflict", details: [{ index: 2, message: "other content" }] } }, null)).toMatchObject({ type: "refused", status: 409, byIndex: new Map([[2, "other content"]]) });
    expect(readAnswer(401, null, null).type).toBe("unauthorized");
    expect(readAnswer(429, null, "7")).toEqual({ type: "retry_after", seconds: 7 });
    expect(readAnswer(503, null, null).type).toBe("unavailable");
    expect(readAnswer(415, { error: { message: "json only" } }, null)).toMatchObject({ type: "refused", status: 415 });
  });

  it("reads Retry-After as seconds or a date, and never waits zero", () => {
    expect(retryAfterSeconds("0")).toBe(1);
    expect(retryAfterSeconds(null)).toBe(1);
    expect(retryAfterSeconds(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
  });

  it("backs off exponentially with jitter up to five minutes", () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });

  it("refuses only the named events of a batch, or all of it when none is named", () => {
    expect(refusedIndexes(5, new Map([[3, "x"]]))).toEqual([3]);
    expect(refusedIndexes(2, new Map([[9, "x"]]))).toEqual([0, 1]);
  });
});

describe("the log", () => {
  it("rotates by size in bytes, keeps the newest files, drops the oldest, and goes on where it was after a restart", () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-log-"));
    try {
      const path = join(dir, "agent.log");
      let second = 0;
      const now = () => new Date(Date.UTC(2026, 10, 30, 8, 0, 0) + 1000 * second++);
      const maxBytes = 380;
      // Vietnamese paths: more bytes than characters, as on a real scan PC.
      const write = (log: ReturnType<typeof rotatingLog>, from: number, to: number) => {
        for (let i = from; i < to; i++) (i % 3 === 2 ? log.warn : log.info)(`D:\\Quét\\Phông Ủy ban ${i}\\tờ.tif: ${i} trang`);
      };
      write(rotatingLog({ path, maxBytes, keep: 2, echo: false, now }), 0, 30);
      // Started again (the PC restarted): the size already in agent.log counts.
      write(rotatingLog({ path, maxBytes, keep: 2, echo: false, now }), 30, 45);

      expect([path, `${path}.1`, `${path}.2`].map(existsSync)).toEqual([true, true, true]);
      expect(existsSync(`${path}.3`)).toBe(false);
      for (const p of [path, `${path}.1`, `${path}.2`]) expect(statSync(p).size).toBeLessThanOrEqual(maxBytes);
      const lines = [`${path}.2`, `${path}.1`, path].flatMap((p) => readFileSync(p, "utf8").split("\n").filter(Boolean));
      expect(lines.at(-1)).toBe("2026-11-30T08:00:44.000Z WARN D:\\Quét\\Phông Ủy ban 44\\tờ.tif: 44 trang");
      expect(lines.find((l) => l.includes(" 41\\"))).toMatch(/^2026-11-30T08:00:41\.000Z WARN /);
      // What is kept is the newest, without a gap; the oldest went with the file that fell off the end.
      const numbers = lines.map((l) => Number(/ban (\d+)/.exec(l)![1]));
      expect(numbers[0]).toBeGreaterThan(0);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers[0]! + i));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
