// The pure visibility rule: what an audience that may not see some fonds gets of alerts, rows and reports.
import { describe, expect, it } from "vitest";
import { buildReportTable } from "../../schema/reports/table";
import { DEFAULT_CALENDAR } from "../../schema/calendar";
import { parseScope } from "../../schema/alert-scope";
import { alertForAudience, EVERYONE, hiding, visibleBy } from "../../worker/live/visibility";
import { reportForAudience } from "../../worker/reports/visible";
import type { ReportContent } from "../../schema/reports/content";

const leader = hiding(["M/7"]);

describe("visibility", () => {
  it("reads the fonds of an alert scope, codes with slashes included", () => {
    expect(parseScope("fonds/M/7/pages")).toEqual({ level: "fonds", fonds: "M/7", kind: "pages" });
    expect(parseScope("project/pages")).toEqual({ level: "project", kind: "pages" });
    expect(parseScope("station/abc")).toEqual({ level: "station", station: "abc" });
  });

  it("drops alerts about a hidden fonds and strips project-wide figures, keeping state-bearing fields", () => {
    expect(alertForAudience("fonds/M/7/pages", { fonds: "M/7", actual: 5 }, leader)).toBeNull();
    expect(alertForAudience("fonds/1/pages", { fonds: "1", actual: 5 }, leader)).toEqual({ fonds: "1", actual: 5 });
    expect(alertForAudience("project/pages", { kind: "pages", actual: 5, planToDate: 9, target: 20, variance: -4, fonds: null }, leader)).toEqual({ kind: "pages", fonds: null, redacted: "restricted" });
    // How many fonds are behind counts the hidden ones too: it goes with the other project-wide figures.
    expect(alertForAudience("project/pages", { kind: "pages", behindFonds: 2, fonds: null }, leader)).toEqual({ kind: "pages", fonds: null, redacted: "restricted" });
    expect(alertForAudience("project/pages", { kind: "pages", actual: 5 }, EVERYONE)).toEqual({ kind: "pages", actual: 5 });
    expect(alertForAudience("station/s1", { station: "s1", silentMinutes: 40 }, leader)).toEqual({ station: "s1", silentMinutes: 40 });
  });

  it("keeps a row only when every fonds it names is visible", () => {
    const moves = [{ from: "1", to: "M/7" }, { from: "1", to: "2" }, { from: null, to: "2" }];
    expect(visibleBy(moves, leader, (m) => [m.from, m.to])).toEqual([{ from: "1", to: "2" }, { from: null, to: "2" }]);
    expect(visibleBy(moves, EVERYONE, (m) => [m.from, m.to])).toHaveLength(3);
  });

  it("serves a stored report without hidden rows, their reasons, and with totals over what remains", () => {
    const table = buildReportTable({
      from: "2026-11-02",
      to: "2026-11-08",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      cal: DEFAULT_CALENDAR,
      tolerance: 0.05,
      kinds: ["pages"],
      fonds: [
        { code: "1", name: "Công khai", target: { pages: 1000 } },
        { code: "M/7", name: "Mật", target: { pages: 98765 } },
      ],
      cumulative: new Map([["1/pages", 900], ["M/7/pages", 5431]]),
      periodActual: new Map([["1/pages", 50], ["M/7/pages", 431]]),
    });
    // Made before the fonds was restricted: its own list is empty; the restriction is known only now.
    const content = { table, restricted: [], reasons: { "M/7/pages": ["behind_schedule"], "1/pages": ["under_plan"], "project/pages": ["behind_schedule"] } } as unknown as ReportContent;
    const served = reportForAudience(content, leader);
    expect(served.table.rows.map((r) => r.code)).toEqual(["1"]);
    expect(served.table.totals.pages).toMatchObject({ target: 1000, cumulative: 900, periodActual: 50 });
    expect(served.table.totals.pages).toEqual(expect.objectContaining({ nextTarget: served.table.rows[0]!.cells.pages!.nextTarget }));
    expect(Object.keys(served.reasons).sort()).toEqual(["1/pages", "project/pages"]);
    expect(reportForAudience(content, EVERYONE)).toBe(content);
  });

  it("adds the totals row up from the rows above it", () => {
    const t = buildReportTable({
      from: "2026-11-02", to: "2026-11-08", periodStart: "2026-01-01", periodEnd: "2026-12-31", cal: DEFAULT_CALENDAR, tolerance: 0.05, kinds: ["files"],
      fonds: [{ code: "1", name: "a", target: { files: 7 } }, { code: "2", name: "b", target: { files: 9 } }],
      cumulative: new Map(), periodActual: new Map(),
    });
    const rows = t.rows.map((r) => r.cells.files!);
    expect(t.totals.files!.nextTarget).toBe(rows.reduce((s, c) => s + c.nextTarget, 0));
    expect(t.totals.files!.planToDate).toBe(rows.reduce((s, c) => s + c.planToDate, 0));
  });
});
