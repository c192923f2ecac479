// A supervisor's day with many alerts (a project of 30 fonds, all behind): they collapse into one card per
// rule, fonds in natural order; a whole group is acknowledged at once; the history view shows it. Its own
// province, so the demo projects other files check stay as they were.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hasChromium, launch, postCounter, screenshot, signedInPage } from "./browser";

const PROVINCE = "thu-canh-bao";
const PROJECT = "thu-canh-bao-2026";
const FONDS = 30;

async function operator(method: string, path: string, body?: unknown) {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/** Thirty fonds of pages, counted 1, 2, … 30 so that a text sort would read 1, 10, 11, … 2. */
async function thirtyFondsProject(): Promise<void> {
  await operator("POST", "/provinces", { id: PROVINCE, name: "Tỉnh thử cảnh báo" });
  await operator("POST", `/provinces/${PROVINCE}/members`, { email: "giamsat.hatinh@demo.vn", role: "supervisor" });
  await operator("POST", `/provinces/${PROVINCE}/projects`, { id: PROJECT, name: "Số hóa phông lưu trữ huyện Đức Thọ", legalBasis: "", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
  const rows = Array.from({ length: FONDS }, (_, i) => `${i + 1}\tPhông Ủy ban nhân dân xã số ${i + 1}\t1.000`);
  await operator("POST", `/projects/${PROJECT}/plan/import`, { table: ["STT\tTên phông\tSố hóa trang tài liệu", ...rows].join("\n") });
  // Only the rules this test checks (a new project comes with the starter rules).
  const { rules } = (await operator("GET", `/projects/${PROJECT}/alert-rules`)) as { rules: { id: string }[] };
  for (const r of rules) await operator("DELETE", `/projects/${PROJECT}/alert-rules/${r.id}`);
  const station = (await operator("POST", `/projects/${PROJECT}/stations`, { name: "Trạm thử" })) as { token: string };
  // One page: the project has data, so the rules judge the plan (no "no data" instance).
  const res = await postCounter(PROJECT, station.token, [{ id: "first", fonds: "1", kind: "pages", delta: 1 }]);
  expect(res.ok).toBe(true);
}

type Alert = { ruleId: string; scope: string; state: string; ack: unknown };
const alerts = async () => ((await operator("GET", `/projects/${PROJECT}/alerts`)) as { alerts: Alert[] }).alerts;

describe.runIf(hasChromium || process.env.CI)("many alerts, grouped", () => {
  let browser: Browser;
  const rules: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("thirty-odd alerts collapse into one card per rule; a group is acknowledged at once; the history shows who and why", { timeout: 240_000 }, async () => {
    await thirtyFondsProject();
    // Per fonds (30 alerts, one group) and for the project as a whole (one alert on its own).
    for (const rule of [
      { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 },
      { type: "behind_schedule", kind: "pages", threshold: 0.05, pendingMinutes: 0 },
    ]) rules.push(((await operator("POST", `/projects/${PROJECT}/alert-rules`, rule)) as { id: string }).id);
    await expect.poll(async () => (await alerts()).filter((a) => a.state === "firing").length, { timeout: 15_000 }).toBe(FONDS + 1);
    const behind = (await alerts()).filter((a) => a.ruleId === rules[0]);

    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`);
    const groups = page.locator(".alert-group");
    await expect.poll(() => groups.count(), { timeout: 15_000 }).toBe(1);
    const group = page.locator(".alert-group", { hasText: "Chậm tiến độ" });
    expect(await group.locator(".alert-group__head strong").textContent()).toBe(`Chậm tiến độ — ${FONDS} phông`);
    // Closed: one card for thirty fonds; the project-wide alert is a card of its own.
    expect(await group.locator(".alert").first().isVisible()).toBe(false);
    expect(await page.locator(".alert:visible").count()).toBe(1);
    await screenshot(page, "alert-groups");

    // Opened, the fonds read 1, 2, 3 … 10, 11, not 1, 10, 11, 2.
    await group.locator("summary").click();
    const codes = (await group.locator(".alert").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")!.split(" ")[1]!)))
      .map((scope) => scope.split("/")[1]!)
      .filter((code, i, all) => all.indexOf(code) === i);
    expect(codes.map(Number)).toEqual(Array.from({ length: FONDS }, (_, i) => i + 1));

    // Acknowledge the whole group in one go.
    await group.locator(".alert-group__head").getByRole("button", { name: `Xác nhận tất cả (${behind.length})` }).click();
    await group.locator(".alert-group__head textarea").fill("Đã họp với nhà thầu ngày 20, tăng ca thứ Bảy");
    await group.locator(".alert-group__head form").getByRole("button", { name: /Xác nhận tất cả/ }).click();
    await expect.poll(async () => group.locator(".alert-group__head .count").textContent(), { timeout: 10_000 }).toContain(`${behind.length} đã xác nhận`);
    expect((await alerts()).filter((a) => a.ruleId === rules[0]).every((a) => a.ack !== null)).toBe(true);

    // The history view: the acknowledgements, with who and why; filtered to one rule.
    await page.goto(page.url().replace(/\/p\/.*$/, `/p/${PROJECT}/alerts`));
    const timeline = page.locator(".timeline");
    await timeline.waitFor({ timeout: 15_000 });
    const acks = page.locator(".timeline__entry--action", { hasText: "Trần Thị Giám xác nhận" });
    await expect.poll(() => acks.count(), { timeout: 15_000 }).toBe(behind.length);
    expect(await acks.first().textContent()).toContain("Đã họp với nhà thầu ngày 20");
    await page.selectOption('select[name="rule"]', rules[1]!);
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect.poll(() => acks.count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, "alert-history");
    await page.close();
  });
});
