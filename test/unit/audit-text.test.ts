import { describe, expect, it } from "vitest";
import { actorShort, changeLines } from "../../web/src/components/admin/audit-text";

describe("an audit entry's change in a few lines", () => {
  it("shows only the fields that changed", () => {
    expect(changeLines({ id: "a1", name: "Trạm 1", revokedAt: null }, { id: "a1", name: "Trạm 2", revokedAt: null })).toEqual(["name: Trạm 1 → Trạm 2"]);
  });
  it("lists what a created thing was created with", () => {
    expect(changeLines(null, { id: "x", name: "Màn hình phòng họp" })).toEqual(["id: x", "name: Màn hình phòng họp"]);
  });
  it("says what a removed thing had", () => {
    expect(changeLines({ role: "leader" }, null)).toEqual(["role: leader → –"]);
  });
  it("shortens long values and says nothing for an entry without before or after", () => {
    const [line] = changeLines(null, { table: "x".repeat(500) });
    expect(line!.length).toBeLessThan(80);
    expect(changeLines(null, null)).toEqual([]);
  });
  it("names the actor without the email", () => {
    expect(actorShort("Nguyễn Văn An <an@so-noi-vu.example>")).toBe("Nguyễn Văn An");
    expect(actorShort("ADMIN_TOKEN")).toBe("ADMIN_TOKEN");
  });
});
