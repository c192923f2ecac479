// The entry page's pure parts around the outbox: entries made from the form, and the server's answers read.
import { describe, expect, it } from "vitest";
import { entriesFromForm, totalsForDay } from "../../web/src/entry/entries";
import { projectIsoTime } from "../../schema/time";
import { readSendResult, reasonsByIndex } from "../../web/src/entry/station-api";
import { entry } from "./entry-fixture";

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

  it("reads an archived project's 409 as a refusal of the entries, not as ids held with other counts", async () => {
    const body = { error: { code: "archived", message: "Dự án đã lưu trữ, chỉ đọc" } };
    expect(await readSendResult(json(409, body))).toEqual({ type: "invalid", message: "Dự án đã lưu trữ, chỉ đọc", byIndex: new Map() });
  });

  it("finds the bad events in both shapes of error details", () => {
    expect(reasonsByIndex([{ path: "events.3.delta", message: "too big" }, { path: "events.3.kind", message: "bad kind" }, { path: "events", message: "x" }])).toEqual(
      new Map([[3, "too big; bad kind"]]),
    );
    expect(reasonsByIndex(null)).toEqual(new Map());
  });
});
