import { describe, expect, it } from "vitest";
import { downloadPath, firstOfYear, reasonRows, reportTypeKey } from "../../web/src/reports/report-text";

describe("report page helpers", () => {
  it("names report types, unknown ones as ad-hoc", () => {
    expect(reportTypeKey("weekly")).toBe("reports.type.weekly");
    expect(reportTypeKey("monthly")).toBe("reports.type.monthly");
    expect(reportTypeKey("inspection")).toBe("reports.type.inspection");
    expect(reportTypeKey("adhoc")).toBe("reports.type.adhoc");
    expect(reportTypeKey("other")).toBe("reports.type.adhoc");
  });

  it("builds the download address in the page's language", () => {
    expect(downloadPath("hatinh-2026", "r 1", "csv", "vi")).toBe("/api/v1/projects/hatinh-2026/reports/r%201/csv?locale=vi");
    expect(downloadPath("p", "r", "xlsx", "en")).toBe("/api/v1/projects/p/reports/r/xlsx?locale=en");
  });

  it("orders reasons: the project, fonds in table order, then stations; each type once", () => {
    const rows = reasonRows(
      { "station/abc": ["silent_station"], "6/pages": ["behind_schedule", "behind_schedule"], "project/pages": ["under_plan"], "2/files": ["behind_schedule"], "9/files": [] },
      ["2", "6"],
    );
    expect(rows).toEqual([
      { scope: "project", id: "", kind: "pages", reasons: ["under_plan"] },
      { scope: "fonds", id: "2", kind: "files", reasons: ["behind_schedule"] },
      { scope: "fonds", id: "6", kind: "pages", reasons: ["behind_schedule"] },
      { scope: "station", id: "abc", kind: "", reasons: ["silent_station"] },
    ]);
  });

  it("starts the default report range on the first of the year", () => {
    expect(firstOfYear("2026-11-22")).toBe("2026-01-01");
  });
});
