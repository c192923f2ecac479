import { describe, expect, it } from "vitest";
import { slugOf } from "../../web/src/components/admin/slug";
import { formErrors, importErrorText, lineRange, localized } from "../../web/src/components/admin/form-errors";
import { silentStationIds } from "../../schema/alert-scope";
import type { Snapshot } from "../../schema/wire";
import { applyMessage, emptyLiveState } from "../../web/src/live/apply";
import { matchRoute, pathOf } from "../../web/src/router";

describe("ids made from names", () => {
  it("makes a code the API accepts from a Vietnamese name", () => {
    expect(slugOf("Khánh Hòa")).toBe("khanh-hoa");
    expect(slugOf("Đắk Lắk – Số hóa 2026")).toBe("dak-lak-so-hoa-2026");
  });
});

describe("the API's errors in a setup form", () => {
  const body = {
    error: {
      code: "validation_failed",
      message: "Dữ liệu không hợp lệ (invalid input)",
      details: [
        { path: "email", message: "Email đã có tài khoản (email already registered)" },
        { path: "holidays.3", message: "Invalid ISO date" },
        { path: "somethingElse", message: "lỗi khác (other)" },
      ],
    },
  };
  it("puts each error beside its field in the reader's language, a list item's beside its list", () => {
    const vi = formErrors(body, ["email", "holidays"], "vi");
    expect(vi.fields).toEqual({ email: "Email đã có tài khoản", holidays: "Invalid ISO date" });
    expect(vi.message).toBe("Dữ liệu không hợp lệ — somethingElse: lỗi khác");
    expect(formErrors(body, ["email", "holidays", "somethingElse"], "en").fields.email).toBe("email already registered");
  });
  it("shows the general message when no field is named", () => {
    expect(formErrors({ error: { code: "conflict", message: "Mã dự án đã dùng ở tỉnh khác (project id taken)" } }, ["id"], "en")).toEqual({ fields: {}, message: "project id taken" });
  });
  it("leaves text without an English half as it is", () => {
    expect(localized("Too small", "vi")).toBe("Too small");
  });
  it("keeps a plan-table error's text without the place it shows in columns of its own", () => {
    expect(importErrorText("Dòng 3, cột 4: '8x0' không phải là số (not a number)", "vi")).toBe("'8x0' không phải là số");
    expect(importErrorText("Dòng 1: thiếu cột tên phông / đơn vị (no name column)", "en")).toBe("no name column");
  });
  it("finds a line of the pasted table to select it", () => {
    const text = "a\tb\nccc\nd";
    expect(lineRange(text, 2)).toEqual([4, 7]);
    expect(lineRange(text, 3)).toEqual([8, 9]);
    expect(lineRange(text, 9)).toEqual([9, 9]);
  });
});

describe("station activity on the stations page", () => {
  it("takes when each station last posted from the live state, moved on by deltas with its cells", () => {
    const snap = { ...emptySnapshot(), stationsSeen: [{ station: "s1", lastPostAt: 1_000, client: "agent/1.0.0" }] };
    const held = applyMessage(emptyLiveState(), snap).state;
    expect(held.stationsSeen.get("s1")).toEqual({ lastPostAt: 1_000, client: "agent/1.0.0" });
    const cell = { fonds: "1", kind: "pages", station: "s2", day: "2026-11-25", amount: 3 };
    const next = applyMessage(held, { type: "delta", from: 1, seq: 2, cells: [cell], lastActivityAt: 9_000, at: 9_000 }).state;
    expect(next.stationsSeen.get("s2")).toEqual({ lastPostAt: 9_000, client: null });
    expect(next.stationsSeen.get("s1")?.lastPostAt).toBe(1_000);
  });

  it("calls silent the stations whose silent-station alert fires, as the province overview does", () => {
    const alert = (scope: string, state: "firing" | "resolved", ruleType = "silent_station") => ({ ruleType, scope, state });
    expect([...silentStationIds([alert("station/s1", "firing"), alert("station/s2", "resolved"), alert("station/s3", "firing", "behind_schedule")])]).toEqual(["s1"]);
  });
});

function emptySnapshot(): Snapshot {
  const project = { id: "p", provinceId: "v", name: "P", legalBasis: "", periodStart: "2026-01-01", periodEnd: "2026-12-31", timeZone: "Asia/Ho_Chi_Minh" };
  return { type: "snapshot", seq: 1, project, kinds: [], fonds: [], stations: [], calendar: { holidays: [], workingSaturdays: [] }, totals: [], stationDays: [], days: [], lastActivityAt: null, stationsSeen: [], at: 1 };
}

describe("setup addresses", () => {
  it.each([
    { name: "admin" },
    { name: "newProject", provinceId: "khanh-hoa" },
    { name: "setup", projectId: "kh-2026" },
    { name: "plan", projectId: "kh-2026" },
    { name: "stations", projectId: "kh-2026" },
  ] as const)("%o round-trips", (route) => {
    expect(matchRoute(pathOf(route))).toEqual(route);
  });
});
