import { describe, expect, it } from "vitest";
import type { WorkCalendar } from "../../schema/calendar";
import { formatProgressPercent } from "../../schema/numbers";
import { planProgress } from "../../schema/plan-progress";
import { itemStatus, worstStatus } from "../../schema/status";
import type { AlertView, FondsPlan } from "../../schema/wire";
import { fondsKindKey } from "../../web/src/live/apply";
import { stateCounts } from "../../web/src/live/alerts";
import { fondsRows, overallStatus, projectKinds, type Period } from "../../web/src/live/figures";
import { BEHIND_LISTED, projectCard, type CardInput } from "../../schema/project-card";
import { PROJECT_TIME_ZONE } from "../../schema/time";

const PLAIN: WorkCalendar = { holidays: [], workingSaturdays: [] };
// 20 working days in March 2027; at the end of Friday 12 March half of every linear plan is due.
const MID_MARCH: Period = { periodStart: "2027-03-01", periodEnd: "2027-03-26", today: "2027-03-12", cal: PLAIN };

const fonds = (code: string, approved: Record<string, number>): FondsPlan => ({ code, name: `Phông ${code}`, agency: "", restricted: false, approved, funded: {} });
const totals = (t: Record<string, number>) => new Map(Object.entries(t).map(([k, v]) => [fondsKindKey(k.split("/")[0]!, k.split("/")[1]!), v]));

describe("status precedence", () => {
  it("calls an item done before anything else, then behind below the tolerance, else on schedule", () => {
    expect(itemStatus(1000, 1000, 5000)).toBe("done");
    expect(itemStatus(949, 2000, 1000)).toBe("behind");
    expect(itemStatus(950, 2000, 1000)).toBe("on_schedule");
    expect(itemStatus(0, 2000, 0)).toBe("on_schedule"); // plan not begun: not started is not behind
  });

  it("calls an aggregate behind if any item is, done only if all are, and no plan without items", () => {
    expect(worstStatus(["done", "behind", "on_schedule"])).toBe("behind");
    expect(worstStatus(["done", "on_schedule"])).toBe("on_schedule");
    expect(worstStatus(["done", "done"])).toBe("done");
    expect(worstStatus([])).toBeNull();
  });
});

describe("the project badge and its list of fonds behind", () => {
  it("never says on schedule above fonds that are behind, even when the total is ahead", () => {
    // 4 fonds far ahead and 4 behind: in total, the project is ahead of its plan.
    const list = [1, 2, 3, 4].map((i) => fonds(`a${i}`, { pages: 1000 })).concat([1, 2, 3, 4].map((i) => fonds(`b${i}`, { pages: 1000 })));
    const state = { fonds: list, fondsTotals: totals(Object.fromEntries(list.map((f) => [`${f.code}/pages`, f.code.startsWith("a") ? 900 : 300]))), days: new Map() };
    const kinds = projectKinds(state, MID_MARCH);
    const rows = fondsRows(state, ["pages"], MID_MARCH);
    expect(kinds[0]!.actual).toBeGreaterThan(kinds[0]!.planToDate);
    const behind = rows.filter((r) => r.status === "behind");
    expect(behind).toHaveLength(4);
    expect(overallStatus(kinds)).toBe("behind");
    expect(kinds[0]!.behindItems).toBe(behind.length);
  });
});

describe("headings count what they list", () => {
  it("names the first fonds behind on a project card and counts them all, so its '+N' is the rest", () => {
    // 12 fonds, each with 100 of 1.000 pages by mid-March, when half is due: all 12 are behind.
    const list = Array.from({ length: 12 }, (_, i) => fonds(`${i + 1}`, { pages: 1000 }));
    const project = { id: "p", provinceId: "ha-tinh", name: "Dự án", legalBasis: "", periodStart: MID_MARCH.periodStart, periodEnd: MID_MARCH.periodEnd, timeZone: PROJECT_TIME_ZONE };
    const input: CardInput = { seq: 1, project, kinds: [{ key: "pages", decimals: 0, unit: "pages" }], stations: [], calendar: PLAIN, lastActivityAt: null, fonds: list, fondsTotals: totals(Object.fromEntries(list.map((f) => [`${f.code}/pages`, 100]))), days: new Map() };
    const card = projectCard(input, [], Date.UTC(2027, 2, 12, 10)); // 17:00 on 12 March in Viet Nam
    expect(card.behindCount).toBe(12);
    expect(card.behind).toHaveLength(BEHIND_LISTED);
    // ProjectCard.tsx shows "+{behindCount − behind.length}" under the names.
    expect(card.behindCount - card.behind.length).toBe(12 - BEHIND_LISTED);

    const fewer = projectCard({ ...input, fondsTotals: totals({ "1/pages": 100, "2/pages": 100 }), fonds: list.slice(0, 2) }, [], Date.UTC(2027, 2, 12, 10));
    expect([fewer.behind.length, fewer.behindCount]).toEqual([2, 2]);
  });

  it("counts pending alerts in the heading with the state they are in", () => {
    const alert = (state: AlertView["state"], scope: string): AlertView => ({ ruleId: "r", ruleType: "behind_schedule", scope, state, since: 1, values: {}, ack: null, silence: null, clearedAt: null, keepFiringMinutes: 0 });
    const listed = [alert("pending", "fonds/1/pages"), alert("pending", "fonds/2/pages")];
    const counts = stateCounts(listed);
    expect(counts).toEqual([{ state: "pending", n: 2 }]);
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(listed.length);
    expect(stateCounts([alert("firing", "a"), alert("resolved", "b"), alert("pending", "c")]).map((c) => c.state)).toEqual(["firing", "pending", "resolved"]);
  });
});

describe("a percentage of the target done", () => {
  it("shows 3.097,03 of 3.098,50 m as 99,9 %, not 100,0 %, until it is done", () => {
    expect(formatProgressPercent(309_703 / 309_850, false, "vi")).toBe("99,9\u00a0%");
    expect(formatProgressPercent(309_703 / 309_850, false, "en")).toBe("99.9%");
    expect(formatProgressPercent(1, true, "vi")).toBe("100,0\u00a0%");
    expect(formatProgressPercent(1.02, false, "vi")).toBe("99,9\u00a0%"); // over-delivered in total, an item still open
  });

  it("floors, without losing a tenth to float noise", () => {
    expect(formatProgressPercent(0.4567, false, "vi")).toBe("45,6\u00a0%");
    expect(formatProgressPercent(200 / 1000, false, "vi")).toBe("20,0\u00a0%");
    expect(formatProgressPercent(Number.NaN, false, "vi")).toBe("—");
  });
});

describe("a finished item", () => {
  it("has no forecast or catch-up rate: it shows done", () => {
    const p = planProgress({ ...MID_MARCH, items: [{ target: 1000, actual: 1000 }], daily: [{ day: "2027-03-10", amount: 1000 }] });
    expect(p.status).toBe("done");
    expect(p.forecastDay).toBeNull();
    expect(p.forecastLate).toBe(false);
    expect(p.catchUpRate).toBeNull();
  });

  it("is not done while one of its fonds is open, even when the total passed the target", () => {
    const p = planProgress({ ...MID_MARCH, items: [{ target: 1000, actual: 1500 }, { target: 1000, actual: 600 }] });
    expect(p.actual).toBeGreaterThan(p.target);
    expect(p.status).toBe("on_schedule");
    expect(p.forecastDay).toBeNull();
  });
});

describe("one figure per fonds on the wall", () => {
  it("is its worst kind's percentage, never records and pages added together", () => {
    const f = fonds("7", { files: 100, pages: 10_000 });
    const [row] = fondsRows({ fonds: [f], fondsTotals: totals({ "7/files": 100, "7/pages": 1_000 }) }, ["files", "pages"], MID_MARCH);
    expect(row!.status).toBe("behind");
    expect(row!.worst?.kind).toBe("pages");
    expect(row!.worst?.done).toBeCloseTo(0.1);
  });
});
