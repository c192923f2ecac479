// The live feed carries the plan the figures need: the project's working calendar and each fonds' period
// targets (schema/wire.ts), so the dashboard measures what the alerts and the reports measure.
import { describe, expect, it } from "vitest";
import type { PlanChanged, Snapshot } from "../../schema/wire";
import { ADMIN, api, createProject, get, post, Watcher } from "./helpers";

const put = (path: string, body: unknown) => api(path, { method: "PUT", headers: ADMIN, body: JSON.stringify(body) });
const snapshot = async (projectId: string) => (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;

const WEEKS = [
  { fonds: "1", kind: "pages", from: "2026-08-17", to: "2026-08-23", amount: 3000 },
  { fonds: "1", kind: "pages", from: "2026-08-24", to: "2026-08-30", amount: 1500 },
];

describe("the plan on the live feed", () => {
  it("sends the merged calendar and the period targets in the snapshot after POST /plan/periods and PUT /calendar", async () => {
    const { projectId } = await createProject();
    const before = await snapshot(projectId);
    // The national calendar within the project's period (2026), with the official make-up Saturdays.
    expect(before.calendar.holidays).toContain("2026-09-02");
    expect(before.calendar.workingSaturdays).toContain("2026-08-22");
    expect(before.calendar.holidays.every((d) => d >= "2026-01-01")).toBe(true);
    expect(before.fonds[0]!.periods).toBeUndefined();

    expect((await post(`/projects/${projectId}/plan/periods`, { rows: WEEKS })).status).toBe(200);
    expect((await put(`/projects/${projectId}/calendar`, { holidays: ["2026-08-14"], workingSaturdays: ["2026-08-29"] })).status).toBe(200);

    const after = await snapshot(projectId);
    expect(after.fonds[0]!.periods).toEqual({ pages: WEEKS.map(({ from, to, amount }) => ({ from, to, amount })) });
    expect(after.fonds[1]!.periods).toBeUndefined();
    expect(after.calendar.holidays).toContain("2026-08-14");
    expect(after.calendar.holidays).toContain("2026-09-02");
    expect(after.calendar.workingSaturdays).toEqual(expect.arrayContaining(["2026-08-22", "2026-08-29"]));
    // Days before the period are left out: no figure looks there.
    expect(after.calendar.holidays.some((d) => d < "2026-01-01")).toBe(false);
  });

  it("tells watchers at once when the calendar or the period targets change", async () => {
    const { projectId } = await createProject();
    const w = await Watcher.open(projectId);
    await w.until((m) => m.some((x) => x.type === "snapshot"));

    await put(`/projects/${projectId}/calendar`, { holidays: ["2026-08-14"], workingSaturdays: [] });
    await w.until((m) => m.some((x) => x.type === "plan" && x.calendar.holidays.includes("2026-08-14")));

    await post(`/projects/${projectId}/plan/periods`, { rows: WEEKS });
    await w.until((m) => m.some((x) => x.type === "plan" && x.fonds[0]?.periods?.pages?.length === 2));
    const last = w.messages.filter((m): m is PlanChanged => m.type === "plan").at(-1)!;
    // Every plan message is whole: the calendar travels with the period targets.
    expect(last.calendar.holidays).toContain("2026-08-14");
    expect(last.fonds[0]!.periods!.pages![0]).toEqual({ from: "2026-08-17", to: "2026-08-23", amount: 3000 });
    w.close();
  });
});
