import { describe, expect, it } from "vitest";
import type { FondsPlan } from "../../schema/wire";
import type { FondsRow, KindProgress, Status } from "../../web/src/live/figures";

const FIGURES = { behindItems: 0, planned: 1, currentRate: 0, workingDaysLeft: 0, catchUpRate: null, forecastDay: null, forecastLate: false };
import { filterFonds, fold, sortFonds } from "../../web/src/live/fonds-list";

function row(code: string, name: string, status: Status = "on_schedule", pagesDone = Number.NaN, lag = 0): FondsRow {
  const fonds: FondsPlan = { code, name, agency: "", restricted: false, approved: {}, funded: {} };
  const kinds = new Map<string, KindProgress>();
  const pages: KindProgress = { ...FIGURES, kind: "pages", actual: 0, target: 1, approved: 1, planToDate: 0, done: pagesDone, expected: 0, status };
  if (!Number.isNaN(pagesDone)) kinds.set("pages", pages);
  return { fonds, kinds, status, worst: Number.isNaN(pagesDone) ? null : pages, lag };
}

const names = (rows: FondsRow[]) => rows.map((r) => r.fonds.name);

describe("sortFonds", () => {
  it("sorts names in Vietnamese order: Đ after every D, ơ after ô, tones after the bare letter", () => {
    const rows = ["Đông Hà", "Duy Xuyên", "Ân Thi", "An Nhơn", "Eo Gió", "Bố Trạch", "Đức Thọ", "Dương Kinh"].map((n, i) => row(String(i), n));
    expect(names(sortFonds(rows, "name", "asc"))).toEqual(["An Nhơn", "Ân Thi", "Bố Trạch", "Duy Xuyên", "Dương Kinh", "Đông Hà", "Đức Thọ", "Eo Gió"]);
    expect(names(sortFonds(rows, "name", "desc"))[0]).toBe("Eo Gió");
  });

  it("sorts codes as numbers, not text", () => {
    const rows = ["10", "2", "1", "21", "3a"].map((c) => row(c, c));
    expect(sortFonds(rows, "code", "asc").map((r) => r.fonds.code)).toEqual(["1", "2", "3a", "10", "21"]);
  });

  it("puts the fonds furthest behind first by status, and fonds without that kind last by progress", () => {
    const rows = [row("1", "a", "done", 1), row("2", "b", "behind", 0.2, -0.3), row("3", "c", "behind", 0.5, -0.1), row("4", "d", "on_schedule", 0.7), row("5", "e")];
    expect(sortFonds(rows, "status", "asc").map((r) => r.fonds.code)).toEqual(["2", "3", "4", "5", "1"]);
    expect(sortFonds(rows, "kind:pages", "desc").map((r) => r.fonds.code)).toEqual(["1", "4", "3", "2", "5"]);
    expect(sortFonds(rows, "kind:pages", "asc").map((r) => r.fonds.code)).toEqual(["2", "3", "4", "1", "5"]);
  });

  it("leaves its input alone", () => {
    const rows = [row("2", "b"), row("1", "a")];
    sortFonds(rows, "code", "asc");
    expect(rows[0]!.fonds.code).toBe("2");
  });
});

describe("filterFonds", () => {
  const rows = [row("6", "Phòng Tư pháp huyện Can Lộc"), row("13", "Phòng Nội vụ huyện Đức Thọ"), row("21", "Ủy ban nhân dân tỉnh Hà Tĩnh")];

  it("matches with or without diacritics, every word, in any order", () => {
    expect(names(filterFonds(rows, "duc tho"))).toEqual(["Phòng Nội vụ huyện Đức Thọ"]);
    expect(names(filterFonds(rows, "Đức  THỌ"))).toEqual(["Phòng Nội vụ huyện Đức Thọ"]);
    expect(names(filterFonds(rows, "tinh uy"))).toEqual(["Ủy ban nhân dân tỉnh Hà Tĩnh"]);
    expect(names(filterFonds(rows, "huyen"))).toHaveLength(2);
  });

  it("matches the code, and an empty query keeps everything", () => {
    expect(names(filterFonds(rows, "21"))).toEqual(["Ủy ban nhân dân tỉnh Hà Tĩnh"]);
    expect(filterFonds(rows, "  ")).toHaveLength(3);
  });

  it("folds đ, which Unicode does not decompose", () => {
    expect(fold("Đồng Đăng")).toBe("dong dang");
  });
});
