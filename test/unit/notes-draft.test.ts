// The report page while others save the same notes: what lands live, what is held back, what a save says.
import { describe, expect, it } from "vitest";
import { mergeNotes } from "../../schema/reports/notes-merge";
import { acknowledge, baseOf, dirtyFields, onRemote, saveBody } from "../../web/src/reports/draft";

const v1 = { difficulties: "Giấy mỏng", proposals: "Kinh phí", reasons: {}, updatedBy: "Lan", updatedAt: 100 };
const fields = ["difficulties", "proposals"];
const shown = (_: string, v: string | undefined) => v ?? "";

describe("a draft of the report's notes", () => {
  it("takes others' saves into untouched fields and holds back a field being edited", () => {
    const base = baseOf(v1, fields);
    const texts = { difficulties: "Giấy mỏng, dễ rách", proposals: "Kinh phí" };
    const dirty = dirtyFields(base, texts, shown);
    expect(dirty).toEqual(["difficulties"]);
    const other = { ...v1, proposals: "Thêm người", updatedAt: 200 };
    expect(onRemote(base, dirty, other)).toEqual({ base: { updatedAt: 200, values: { difficulties: "Giấy mỏng", proposals: "Thêm người" } }, apply: ["proposals"], held: [] });
    const clash = { ...v1, difficulties: "Giấy mục", updatedAt: 300 };
    const r = onRemote(base, dirty, clash);
    expect(r.held).toEqual(["difficulties"]);
    // The held field's save is refused by the server until the user has seen the other's text.
    const stored = { ...clash, proposals: v1.proposals };
    expect(mergeNotes(stored, ...split(saveBody(r.base, texts, dirty)))).toEqual({ ok: false, conflicts: ["difficulties"] });
    const seen = acknowledge(r.base, stored, ["difficulties"]);
    expect(seen.updatedAt).toBe(300);
    expect(mergeNotes(stored, ...split(saveBody(seen, { ...texts, difficulties: "Giấy mục, dễ rách" }, dirty)))).toMatchObject({ ok: true, notes: { difficulties: "Giấy mục, dễ rách" } });
  });

  it("sends a reason's base only when one was written, so a prefilled reason is not taken for a stored one", () => {
    const base = baseOf({ ...v1, reasons: { "1/pages": "Mất điện" } }, ["reasons/1/pages", "reasons/2/pages"]);
    const body = saveBody(base, { "reasons/1/pages": "Mất điện 2 ngày", "reasons/2/pages": "Máy hỏng" }, ["reasons/1/pages", "reasons/2/pages"]);
    expect(body).toEqual({ reasons: { "1/pages": "Mất điện 2 ngày", "2/pages": "Máy hỏng" }, base: { updatedAt: 100, reasons: { "1/pages": "Mất điện" } } });
  });
});

function split(body: ReturnType<typeof saveBody>) {
  const { base, ...edit } = body;
  return [edit, base] as const;
}
