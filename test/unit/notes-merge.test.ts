// Drafted together: when a save of a report's notes lands, merges, or is refused.
import { describe, expect, it } from "vitest";
import { fieldsWithout, mergeNotes, nextVersion, notesWithout, type StoredNotes } from "../../schema/reports/notes-merge";

const stored: StoredNotes = { difficulties: "Giấy mỏng", proposals: "Bố trí kinh phí", reasons: { "21/pages": "Thiếu máy" }, updatedBy: "Lan", updatedAt: 1000 };

describe("mergeNotes", () => {
  it("lands a save based on the current version, whatever it changes", () => {
    const r = mergeNotes(stored, { difficulties: "Giấy mục" }, { updatedAt: 1000 });
    expect(r).toEqual({ ok: true, notes: { difficulties: "Giấy mục", proposals: "Bố trí kinh phí", reasons: { "21/pages": "Thiếu máy" } }, changed: ["difficulties"] });
  });

  it("refuses a stale save to a field someone else changed since, naming it", () => {
    const r = mergeNotes(stored, { difficulties: "Tài liệu bay mực", proposals: "Bố trí kinh phí" }, { updatedAt: 900, difficulties: "", proposals: "Bố trí kinh phí" });
    expect(r).toEqual({ ok: false, conflicts: ["difficulties"] });
  });

  it("merges a stale save that changes only fields the other did not change", () => {
    const r = mergeNotes(stored, { proposals: "Thêm người" }, { updatedAt: 900, proposals: "Bố trí kinh phí" });
    expect(r).toMatchObject({ ok: true, notes: { difficulties: "Giấy mỏng", proposals: "Thêm người" }, changed: ["proposals"] });
  });

  it("merges reasons item by item, keeping the ones the save does not list", () => {
    const r = mergeNotes(stored, { reasons: { "22/pages": "Mất điện" } }, { updatedAt: 900 });
    expect(r).toMatchObject({ ok: true, notes: { reasons: { "21/pages": "Thiếu máy", "22/pages": "Mất điện" } }, changed: ["reasons/22/pages"] });
    expect(mergeNotes(stored, { reasons: { "21/pages": "Máy hỏng" } }, { updatedAt: 900 })).toEqual({ ok: false, conflicts: ["reasons/21/pages"] });
  });

  it("accepts a stale save that writes what is already there", () => {
    expect(mergeNotes(stored, { difficulties: "Giấy mỏng" }, { updatedAt: 1, difficulties: "khác" })).toEqual({ ok: true, notes: { difficulties: "Giấy mỏng", proposals: "Bố trí kinh phí", reasons: { "21/pages": "Thiếu máy" } }, changed: [] });
  });

  it("takes a save without a base as based on empty notes: it lands only where nothing was written", () => {
    expect(mergeNotes(null, { difficulties: "a", proposals: "b" }, undefined)).toMatchObject({ ok: true, changed: ["difficulties", "proposals"] });
    expect(mergeNotes(stored, { difficulties: "a" }, undefined)).toEqual({ ok: false, conflicts: ["difficulties"] });
    expect(mergeNotes({ ...stored, difficulties: "" }, { difficulties: "a" }, undefined)).toMatchObject({ ok: true });
  });

  it("refuses a first save when someone created the notes meanwhile", () => {
    expect(mergeNotes(stored, { proposals: "x" }, { updatedAt: null })).toEqual({ ok: false, conflicts: ["proposals"] });
  });
});

describe("nextVersion", () => {
  it("always moves forward, even within one millisecond", () => {
    expect(nextVersion(null, 50)).toBe(50);
    expect(nextVersion(stored, 1000)).toBe(1001);
    expect(nextVersion(stored, 5000)).toBe(5000);
  });
});

describe("notes for an audience that may not see some fonds", () => {
  it("drops the hidden fonds' reasons and the news that they changed", () => {
    const notes = { ...stored, reasons: { "21/pages": "a", "7/A/pages": "secret", "7/records": "b" } };
    expect(notesWithout(notes, new Set(["7/A"])).reasons).toEqual({ "21/pages": "a", "7/records": "b" });
    expect(fieldsWithout(["difficulties", "reasons/7/A/pages", "reasons/21/pages"], new Set(["7/A"]))).toEqual(["difficulties", "reasons/21/pages"]);
  });
});
