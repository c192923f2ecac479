import { describe, expect, it } from "vitest";
import { slugOf } from "../../web/src/components/admin/slug";
import { formErrors, importErrorText, lineRange, localized } from "../../web/src/components/admin/form-errors";
import { lastPostDays, silentStations } from "../../web/src/components/admin/station-activity";
import { stationDayKey } from "../../web/src/live/apply";
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
  it("takes each station's last day with output and the stations whose silent alert fires", () => {
    const days = new Map([
      [stationDayKey("s1", "pages", "2026-11-20"), 5],
      [stationDayKey("s1", "files", "2026-11-24"), 1],
      [stationDayKey("s2", "pages", "2026-11-25"), 0],
    ]);
    expect([...lastPostDays(days)]).toEqual([["s1", "2026-11-24"]]);
    const alert = (scope: string, state: "firing" | "resolved") => ({ ruleId: "r", ruleType: "silent_station" as const, scope, state, since: 0, values: {}, ack: null, silence: null, clearedAt: null, keepFiringMinutes: 0 });
    expect([...silentStations([alert("station/s1", "firing"), alert("station/s2", "resolved")])]).toEqual(["s1"]);
  });
});

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
