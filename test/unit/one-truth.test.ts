import { describe, expect, it } from "vitest";
import { calendarWithin, projectCalendar } from "../../schema/calendar";
import { linearPlanToDate } from "../../schema/progress";
import { buildReportTable } from "../../schema/reports/table";
import { TOLERANCE } from "../../schema/status";
import type { FondsPlan } from "../../schema/wire";
import { evaluateRules, type EvalContext, type RuleDef } from "../../worker/alerts/evaluate";
import { dayKey, fondsKindKey } from "../../web/src/live/apply";
import { fondsRows, overallStatus, projectKinds, type Period } from "../../web/src/live/figures";

// August–September 2026: a project holiday on Friday 14/08, the official make-up Saturday 22/08 and the
// Quốc khánh days off 31/08–02/09 (schema/holidays.ts). Fonds 1 has a front-loaded weekly plan
// (kế hoạch chi tiết hàng tuần); fonds 2 and 3 are planned linearly; fonds 3 is finished.
const PERIOD = { periodStart: "2026-08-03", periodEnd: "2026-09-25" };
const TODAY = "2026-08-26";
const CAL = projectCalendar({ holidays: ["2026-08-14"], workingSaturdays: [] });

const WEEKS = [2000, 2000, 2000, 1500, 500, 1000, 500, 500].map((amount, i) => {
  const from = new Date(Date.UTC(2026, 7, 3 + 7 * i)).toISOString().slice(0, 10);
  const to = i === 7 ? "2026-09-25" : new Date(Date.UTC(2026, 7, 9 + 7 * i)).toISOString().slice(0, 10);
  return { from, to, amount };
});

const FONDS: FondsPlan[] = [
  { code: "1", name: "UBND huyện Can Lộc", agency: "", restricted: false, approved: { pages: 10_000 }, funded: {}, periods: { pages: WEEKS } },
  { code: "2", name: "Phòng Tư pháp", agency: "", restricted: false, approved: { pages: 5_000, documents: 2_000 }, funded: {} },
  { code: "3", name: "Phòng Nội vụ", agency: "", restricted: false, approved: { pages: 3_000 }, funded: {} },
];
const TOTALS: Record<string, number> = { "1/pages": 6_000, "2/pages": 2_000, "2/documents": 950, "3/pages": 3_000 };
const KINDS = ["documents", "pages"];

function dashboard() {
  // What the live feed sends: the calendar cut to the period (worker/live/plan.ts wireCalendar).
  const period: Period = { ...PERIOD, today: TODAY, cal: calendarWithin(CAL, PERIOD.periodStart, PERIOD.periodEnd) };
  const state = {
    fonds: FONDS,
    fondsTotals: new Map(Object.entries(TOTALS).map(([k, v]) => [fondsKindKey(k.split("/")[0]!, k.split("/")[1]!), v])),
    days: new Map([[dayKey("pages", "2026-08-26"), 400]]),
  };
  const kinds = projectKinds(state, period);
  return { kinds, rows: fondsRows(state, kinds.map((k) => k.kind), period) };
}

function alerts() {
  const rule = (id: string, over: Partial<RuleDef>): RuleDef => ({ id, type: "behind_schedule", fonds: null, kind: null, station: null, threshold: TOLERANCE, pendingMinutes: 0, keepFiringMinutes: 0, enabled: true, ...over });
  const ctx: EvalContext = {
    now: Date.parse("2026-08-26T10:00:00+07:00"),
    today: TODAY,
    timeZone: "Asia/Ho_Chi_Minh",
    cal: CAL,
    hours: { dayStart: "07:30", dayEnd: "17:00" },
    ...PERIOD,
    fonds: FONDS,
    totals: new Map(Object.entries(TOTALS)),
    daily: new Map(),
    stations: [],
  };
  return evaluateRules([rule("project", {}), rule("fonds", { fonds: "*" }), rule("under", { type: "under_plan", fonds: "*" })], ctx);
}

function report() {
  return buildReportTable({
    from: "2026-08-24",
    to: TODAY,
    ...PERIOD,
    cal: CAL,
    tolerance: TOLERANCE,
    kinds: KINDS,
    fonds: FONDS.map((f) => ({ code: f.code, name: f.name, target: { ...f.approved }, periodTargets: f.periods })),
    cumulative: new Map(Object.entries(TOTALS)),
    periodActual: new Map(),
  });
}

describe("one truth: the dashboard, the alert rules and the report agree", () => {
  const { kinds, rows } = dashboard();
  const evaluations = alerts();
  const table = report();
  const alertAt = (ruleId: string, scope: string) => evaluations.find((e) => e.ruleId === ruleId && e.scope === scope)!;

  it("measures the weekly plan, not a straight line: the case where the page used to say on schedule", () => {
    const fonds1 = rows[0]!.kinds.get("pages")!;
    // Weeks 1–3 (6.000) and 3 of the 5 working days of week 4 (900).
    expect(fonds1.planToDate).toBe(6_900);
    expect(linearPlanToDate(10_000, PERIOD.periodStart, PERIOD.periodEnd, TODAY, CAL)).toBeLessThan(6_000 * 0.95);
    expect(fonds1.status).toBe("behind");
  });

  it("gives every fonds × kind the same plan to date, status and catch-up rate", () => {
    for (const f of FONDS) {
      for (const kind of KINDS) {
        const figures = rows.find((r) => r.fonds.code === f.code)!.kinds.get(kind);
        const cell = table.rows.find((r) => r.code === f.code)!.cells[kind]!;
        if (!figures) {
          expect(cell.target).toBe(0);
          continue;
        }
        const behind = alertAt("fonds", `fonds/${f.code}/${kind}`);
        const under = alertAt("under", `fonds/${f.code}/${kind}`);
        expect(behind.values.planToDate).toBe(figures.planToDate);
        expect(cell.planToDate).toBe(figures.planToDate);
        expect(behind.condition).toBe(figures.status === "behind");
        expect(cell.ratings.onSchedule).toBe(figures.status !== "behind");
        expect(cell.ratings.completed).toBe(figures.status === "done");
        expect(under.values.catchUpRate).toBe(figures.catchUpRate === null ? null : Math.ceil(figures.catchUpRate));
      }
    }
  });

  it("gives each kind of the project the same plan to date and status, and the project the worst", () => {
    for (const k of kinds) {
      const project = alertAt("project", `project/${k.kind}`);
      expect(project.values.planToDate).toBe(k.planToDate);
      expect(table.totals[k.kind]!.planToDate).toBe(k.planToDate);
      expect(project.condition).toBe(k.status === "behind");
      expect(table.totals[k.kind]!.ratings.onSchedule).toBe(k.status !== "behind");
    }
    expect(kinds.map((k) => [k.kind, k.status])).toEqual([["documents", "on_schedule"], ["pages", "behind"]]);
    expect(overallStatus(kinds)).toBe("behind");
  });

  it("runs on the project's calendar: its holiday and the make-up Saturday move the linear plan", () => {
    const fonds2 = rows[1]!.kinds.get("pages")!;
    // 3–26 August: 18 weekdays − 14/08 + Saturday 22/08 = 18 working days; the period's 40 weekdays less
    // 14/08 and 31/08–02/09, plus 22/08, are 37.
    expect(fonds2.planToDate).toBe(Math.floor((5_000 * 18) / 37));
  });
});
