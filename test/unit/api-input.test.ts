import { describe, expect, it } from "vitest";
import { AdhocReportSchema, CalendarSchema, CounterBatchSchema, CorrectionSchema, day, FondsUpdateSchema, LoginSchema, text } from "../../schema/api";
import { zodDetails } from "../../worker/lib/errors";

const NFD = "Lo\u0302\u0323c"; // "Lộc" as base letters and combining marks
const NFC = "L\u1ed9c";

describe("text()", () => {
  it("refuses ill-formed UTF-16 (a lone surrogate) anywhere in the text", () => {
    expect(text().safeParse("\uD800").success).toBe(false);
    expect(text().safeParse("ab\uDC00c").success).toBe(false);
    expect(text().safeParse("𝔘𝔫𝔦").success).toBe(true); // surrogate pairs are fine
  });

  it("normalises to NFC, so composed and decomposed Vietnamese are the same text", () => {
    expect(text().parse(NFD)).toBe(NFC);
    expect(LoginSchema.parse({ email: "A@B.VN", password: NFD })).toEqual({ email: "a@b.vn", password: NFC });
  });

  it("normalises every event's id and fonds code", () => {
    const { events } = CounterBatchSchema.parse({ events: [{ id: `e-${NFD}`, fonds: NFD, kind: "pages", delta: 1 }] });
    expect(events[0]).toMatchObject({ id: `e-${NFC}`, fonds: NFC });
  });
});

describe("day", () => {
  it("refuses years outside 2000..2100, such as 0026 from a date input typed '26'", () => {
    for (const d of ["0026-01-01", "0001-01-01", "0000-01-01", "1999-12-31", "2101-01-01"]) expect(day.safeParse(d).success, d).toBe(false);
    for (const d of ["2000-01-01", "2026-11-22", "2100-12-31"]) expect(day.safeParse(d).success, d).toBe(true);
    expect(day.safeParse("2026-02-30").success).toBe(false);
  });

  it("is used by every date field: calendar days and report periods", () => {
    expect(CalendarSchema.safeParse({ holidays: ["0026-09-02"] }).success).toBe(false);
    expect(CalendarSchema.safeParse({ workingSaturdays: ["0026-09-05"] }).success).toBe(false);
    expect(AdhocReportSchema.safeParse({ from: "0001-01-01", to: "2026-01-01" }).success).toBe(false);
  });

  it("bounds a counter's time the same way", () => {
    const at = (t: string) => CounterBatchSchema.safeParse({ events: [{ id: "a", fonds: "1", kind: "pages", delta: 1, at: t }] }).success;
    expect(at("0026-11-22T09:15:00+07:00")).toBe(false);
    expect(at("2026-11-22T09:15:00+07:00")).toBe(true);
  });
});

describe("amounts of counted kinds", () => {
  it("refuses 999999.6 pages with the event's index and field, and 3 decimals of metres", () => {
    const r = CounterBatchSchema.safeParse({
      events: [
        { id: "a", fonds: "1", kind: "pages", delta: 2 },
        { id: "b", fonds: "1", kind: "pages", delta: 999999.6 },
        { id: "c", fonds: "1", kind: "metres", delta: 1.25 },
        { id: "d", fonds: "1", kind: "metres", delta: 1.255 },
      ],
    });
    expect(r.success).toBe(false);
    expect(zodDetails(r.error!).map(({ path, index, field }) => ({ path, index, field }))).toEqual([
      { path: "events.1.delta", index: 1, field: "delta" },
      { path: "events.3.delta", index: 3, field: "delta" },
    ]);
  });

  it("refuses a fractional correction of a counted kind", () => {
    expect(CorrectionSchema.safeParse({ fonds: "1", kind: "files", delta: -1.5, reason: "đếm nhầm" }).success).toBe(false);
    expect(CorrectionSchema.safeParse({ fonds: "1", kind: "files", delta: -2, reason: "đếm nhầm" }).success).toBe(true);
  });
});

describe("updates", () => {
  it("refuse an empty object rather than writing nothing", () => {
    expect(FondsUpdateSchema.safeParse({}).success).toBe(false);
    expect(FondsUpdateSchema.safeParse({ restricted: true }).success).toBe(true);
  });
});
