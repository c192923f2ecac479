import { describe, expect, it } from "vitest";
import type { WorkCalendar } from "../../schema/calendar";
import type { FondsPlan } from "../../schema/wire";
import { dayKey, emptyLiveState, fondsKindKey } from "../../web/src/live/apply";
import { projectCalendar } from "../../schema/calendar";
import { VN_MAKEUP_SATURDAYS } from "../../schema/holidays";
import { itemStatus as statusOf } from "../../schema/status";
import { chartKind, fondsRows, overallStatus, projectKinds, targetKinds, targetOf, type Period } from "../../web/src/live/figures";

const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };

// A project over the 20 working days of March 2027 (Mon 1 – Fri 26, no holidays in the plain calendar).
const period = (today: string, cal = PLAIN): Period => ({ periodStart: "2027-03-01", periodEnd: "2027-03-26", today, cal });

const fonds: FondsPlan[] = [
  { code: "1", name: "Phòng Tư pháp", agency: "", restricted: false, approved: { pages: 1000 }, funded: { pages: 800 } }, // funded below plan (seed 001)
  { code: "2", name: "Phòng Nội vụ", agency: "", restricted: false, approved: { pages: 1000, metres: 5000 }, funded: {} },
];

function state(totals: Record<string, number>, days: Record<string, number> = {}) {
  return {
    ...emptyLiveState(),
    seq: 1,
    fonds,
    fondsTotals: new Map(Object.entries(totals).map(([k, v]) => [fondsKindKey(k.split("/")[0]!, k.split("/")[1]!), v])),
    days: new Map(Object.entries(days).map(([k, v]) => [dayKey("pages", k), v])),
  };
}

describe("targetOf", () => {
  it("counts the funded volume when set, else the approved plan (worker/alerts/evaluate.ts)", () => {
    expect(targetOf(fonds[0]!, "pages")).toBe(800);
    expect(targetOf(fonds[1]!, "pages")).toBe(1000);
    expect(targetOf(fonds[1]!, "sheets")).toBe(0);
  });
});

describe("projectKinds", () => {
  it("puts actual against the target and against the plan to date, with the pace and the finish day", () => {
    // End of Friday 12 March: 10 of 20 working days → half the plan is due.
    const daily = { "2027-03-10": 300, "2027-03-11": 300, "2027-03-12": 300 };
    const [pages, metres] = projectKinds(state({ "1/pages": 500, "2/pages": 400 }, daily), period("2027-03-12"));
    // On plan in total, but fonds 2 (400 of its 500 due) is behind: so is the kind, as its fonds list will say.
    expect(pages).toMatchObject({ kind: "pages", actual: 900, target: 1800, approved: 2000, planToDate: 900, status: "behind", behindItems: 1, planned: 2 });
    expect(pages!.done).toBeCloseTo(0.5);
    expect(pages!.expected).toBeCloseTo(0.5);
    // 900 over the last 10 working days → 90 a day; 900 left → 10 more working days: Friday 26 March, on time.
    expect(pages!.currentRate).toBe(90);
    expect(pages!.forecastDay).toBe("2027-03-26");
    expect(pages!.forecastLate).toBe(false);
    expect(pages!.catchUpRate).toBe(90);
    expect(metres).toMatchObject({ kind: "metres", actual: 0, target: 5000, status: "behind", forecastDay: null });
  });

  it("is behind only below the plan to date less 5 %", () => {
    expect(statusOf(855, 1800, 900)).toBe("on_schedule");
    expect(statusOf(854, 1800, 900)).toBe("behind");
    expect(statusOf(1800, 1800, 900)).toBe("done");
  });

  it("lists kinds with a target in the kinds' order", () => {
    expect(targetKinds(fonds)).toEqual(["pages", "metres"]);
  });
});

describe("fondsRows", () => {
  it("gives each fonds its own progress per kind and its worst status", () => {
    const rows = fondsRows(state({ "1/pages": 800, "2/pages": 100, "2/metres": 3000 }), ["pages", "metres"], period("2027-03-12"));
    expect(rows.map((r) => r.status)).toEqual(["done", "behind"]);
    expect([...rows[0]!.kinds.keys()]).toEqual(["pages"]); // no metres target: no column value
    expect(rows[1]!.kinds.get("pages")).toMatchObject({ actual: 100, target: 1000, planToDate: 500, status: "behind" });
    expect(rows[1]!.kinds.get("metres")).toMatchObject({ planToDate: 2500, status: "on_schedule" });
    expect(rows[1]!.lag).toBeCloseTo(-0.4);
    // Its one figure is its worst kind's, never records and metres added together.
    expect(rows[1]!.worst).toBe(rows[1]!.kinds.get("pages"));
  });

  it("tells a fonds what it needs per day to finish on time", () => {
    const [, row] = fondsRows(state({ "2/pages": 100 }), ["pages"], period("2027-03-12"));
    // 900 left over the 10 working days from Monday 15 March.
    expect(row!.kinds.get("pages")).toMatchObject({ catchUpRate: 90, workingDaysLeft: 10 });
  });

  it("takes holidays off the plan (the project's working calendar)", () => {
    const cal = projectCalendar({ holidays: ["2027-03-12"], workingSaturdays: [] });
    expect(cal.holidays).toContain("2027-03-12");
    expect(cal.workingSaturdays).toEqual(VN_MAKEUP_SATURDAYS);
    const [, row] = fondsRows(state({}), ["pages"], period("2027-03-12", { holidays: ["2027-03-12"], workingSaturdays: [] }));
    // 9 of 19 working days are done by the end of the holiday.
    expect(row!.kinds.get("pages")!.planToDate).toBe(Math.floor((1000 * 9) / 19));
  });
});

describe("overallStatus and chartKind", () => {
  it("calls a project behind when any kind is, done when all are", () => {
    expect(overallStatus([{ status: "done" }, { status: "behind" }])).toBe("behind");
    expect(overallStatus([{ status: "done" }, { status: "done" }])).toBe("done");
    expect(overallStatus([{ status: "done" }, { status: "on_schedule" }])).toBe("on_schedule");
    expect(overallStatus([])).toBeNull();
  });

  it("charts pages by default, the chosen kind while it has a target", () => {
    expect(chartKind(["files", "pages"], null)).toBe("pages");
    expect(chartKind(["metres", "sheets"], null)).toBe("metres");
    expect(chartKind(["files", "pages"], "files")).toBe("files");
    expect(chartKind(["files", "pages"], "sheets")).toBe("pages");
    expect(chartKind([], null)).toBe("");
  });
});
