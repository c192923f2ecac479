// A supervisor's day with many alerts (a project of 30 fonds, all behind): they collapse into one card per
// rule, fonds in natural order; a whole group is acknowledged at once, or silenced and turned back on; the
// history view shows it. Their own provinces, so the demo projects other files check stay as they were.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launch, operator, postCounter, screenshot, signedInPage } from "./browser";

const PROVINCE = "thu-canh-bao";
const PROJECT = "thu-canh-bao-2026";
const FONDS = 30;

/** Roles this file gave the demo supervisor: taken back at the end, so later files see the demo as it was. */
const granted: { province: string; userId: string }[] = [];

/** A project of `fonds` fonds of pages, counted 1, 2, … so that a text sort would read 1, 10, 11, … 2. */
async function fondsProject(province: string, project: string, fonds: number): Promise<void> {
  await operator("POST", "/provinces", { id: province, name: "Tỉnh thử cảnh báo" });
  const { userId } = (await operator("POST", `/provinces/${province}/members`, { email: "giamsat.hatinh@demo.vn", role: "supervisor" })) as { userId: string };
  granted.push({ province, userId });
  await operator("POST", `/provinces/${province}/projects`, { id: project, name: "Số hóa phông lưu trữ huyện Đức Thọ", legalBasis: "", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
  const rows = Array.from({ length: fonds }, (_, i) => `${i + 1}\tPhông Ủy ban nhân dân xã số ${i + 1}\t1.000`);
  await operator("POST", `/projects/${project}/plan/import`, { table: ["STT\tTên phông\tSố hóa trang tài liệu", ...rows].join("\n") });
  // Only the rules this test checks (a new project comes with the starter rules).
  const { rules } = (await operator("GET", `/projects/${project}/alert-rules`)) as { rules: { id: string }[] };
  for (const r of rules) await operator("DELETE", `/projects/${project}/alert-rules/${r.id}`);
  const station = (await operator("POST", `/projects/${project}/stations`, { name: "Trạm thử" })) as { token: string };
  // One page: the project has data, so the rules judge the plan (no "no data" instance).
  const res = await postCounter(project, station.token, [{ id: "first", fonds: "1", kind: "pages", delta: 1 }]);
  expect(res.ok).toBe(true);
}

type Alert = { ruleId: string; scope: string; state: string; ack: unknown; silence: { by: string; comment: string; until: number } | null };
const alerts = async (project = PROJECT) => ((await operator("GET", `/projects/${project}/alerts`)) as { alerts: Alert[] }).alerts;

describe.runIf(hasChromium || process.env.CI)("many alerts, grouped", () => {
  let browser: Browser;
  const rules: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const g of granted.splice(0)) await operator("DELETE", `/provinces/${g.province}/members/${g.userId}`);
    await browser?.close();
  });

  it("thirty-odd alerts collapse into one card per rule; a group is acknowledged at once; the history shows who and why", { timeout: 240_000 }, async () => {
    await fondsProject(PROVINCE, PROJECT, FONDS);
    // An e-mail contact point (the local send_email binding): the history shows what reached it.
    await operator("POST", `/projects/${PROJECT}/contact-points`, { name: "Thư Sở Nội vụ", type: "email", url: "vanthu@snv.hatinh.gov.vn", groupWaitSeconds: 0 });
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

    // The history view: the acknowledgements, with who and why; what was delivered where and what it carried.
    await page.goto(page.url().replace(/\/p\/.*$/, `/p/${PROJECT}/alerts`));
    const timeline = page.locator(".timeline");
    await timeline.waitFor({ timeout: 15_000 });
    const acks = page.locator(".timeline__entry--action", { hasText: "Trần Thị Giám xác nhận" });
    await expect.poll(() => acks.count(), { timeout: 15_000 }).toBe(behind.length);
    expect(await acks.first().textContent()).toContain("Đã họp với nhà thầu ngày 20");
    const groupMail = page.locator(".timeline__entry--delivery", { hasText: `Gửi tới Thư Sở Nội vụ (Thư điện tử): ${FONDS} cảnh báo` });
    await expect.poll(() => groupMail.count(), { timeout: 30_000 }).toBe(1);
    // The first five it carried by name, then how many more.
    expect(await groupMail.textContent()).toMatch(/Chậm tiến độ: Gửi tới .*đã gửi · gồm: 1 Phông Ủy ban nhân dân xã số 1 · Trang A4; .*; 5 Phông Ủy ban nhân dân xã số 5 · Trang A4; \+25 nữa$/);
    // Narrowed to one person: only what they did.
    await page.selectOption('select[name="by"]', "Trần Thị Giám");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect.poll(() => page.locator(".timeline__entry").count(), { timeout: 10_000 }).toBe(behind.length);
    expect(await page.locator(".timeline__entry--action").count()).toBe(behind.length);
    await page.selectOption('select[name="by"]', "");
    await page.selectOption('select[name="rule"]', rules[1]!);
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect.poll(() => acks.count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, "alert-history");

    // One alert's own timeline, from its link: its transition, its acknowledgement and the message that carried it.
    await page.goto(page.url().replace(/\/p\/.*$/, `/p/${PROJECT}`));
    await group.locator("summary").click();
    await group.locator(".alert", { hasText: "xã số 12 ·" }).getByRole("link", { name: "Lịch sử cảnh báo" }).click();
    await expect.poll(() => page.locator(".timeline__entry").count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator(".timeline__entry--transition").textContent()).toContain("Phông Ủy ban nhân dân xã số 12");
    expect(await page.locator(".timeline__entry--action").textContent()).toContain("Trần Thị Giám xác nhận");
    expect(await page.locator(".notice").textContent()).toContain("Cảnh báo này: 12 Phông Ủy ban nhân dân xã số 12 · Trang A4");
    // The message that carried it, naming this alert first among the thirty.
    expect(await page.locator(".timeline__entry--delivery").textContent()).toContain(`Gửi tới Thư Sở Nội vụ (Thư điện tử): ${FONDS} cảnh báo`);
    expect(await page.locator(".timeline__entry--delivery").textContent()).toContain("gồm: 12 Phông Ủy ban nhân dân xã số 12 · Trang A4; 1 Phông");
    await screenshot(page, "alert-history-one");
    await page.close();
  });

  it("a group is silenced at once: each alert says who, until when and why, none counts as active; then all are turned back on", { timeout: 180_000 }, async () => {
    const project = "thu-tam-tat-2026";
    const n = 6;
    await fondsProject("thu-tam-tat", project, n);
    await operator("POST", `/projects/${project}/alert-rules`, { type: "behind_schedule", fonds: "*", kind: "pages", threshold: 0.05, pendingMinutes: 0 });
    await expect.poll(async () => (await alerts(project)).filter((a) => a.state === "firing").length, { timeout: 15_000 }).toBe(n);

    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${project}`);
    const group = page.locator(".alert-group", { hasText: "Chậm tiến độ" });
    const counts = group.locator(".alert-group__head .count");
    const sectionCounts = page.locator(".alerts .section-title .count--states");
    await expect.poll(() => counts.textContent(), { timeout: 15_000 }).toBe(`${n} đang bật`);

    await group.locator(".alert-group__head").getByRole("button", { name: `Tạm tắt tất cả (${n})` }).click();
    await group.locator('.alert-group__head select[name="minutes"]').selectOption({ label: "1 ngày" });
    await group.locator(".alert-group__head textarea").fill("Mất điện cả khu kho lưu trữ, chờ điện lực sửa");
    await group.locator(".alert-group__head form").getByRole("button", { name: `Tạm tắt tất cả (${n})` }).click();
    // Silenced: counted as such, not as active, in the group and in the section's heading.
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toBe(`${n} đang tạm tắt`);
    expect(await sectionCounts.textContent()).not.toContain("đang bật");

    // Each alert reads silenced, with who, until when (dd/mm/yyyy hh:mm) and why.
    await group.locator("summary").click();
    const items = group.locator(".alert");
    expect(await items.count()).toBe(n);
    for (const text of await items.allTextContents()) {
      expect(text).toContain("Đang tạm tắt");
      expect(text).toMatch(/Trần Thị Giám tạm tắt đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(:\d{2})?: “Mất điện cả khu kho lưu trữ, chờ điện lực sửa”/);
    }
    const silenced = await alerts(project);
    expect(silenced.map((a) => a.silence?.by)).toEqual(Array(n).fill("Trần Thị Giám"));
    expect(silenced.every((a) => Math.abs(a.silence!.until - (Date.now() + 24 * 3600_000)) < 10 * 60_000)).toBe(true);
    await screenshot(page, "alert-group-silenced");

    // Turned back on at once: active again, nothing silenced left.
    await group.locator(".alert-group__head").getByRole("button", { name: `Bật lại tất cả (${n})` }).click();
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toBe(`${n} đang bật`);
    expect((await alerts(project)).every((a) => a.silence === null)).toBe(true);
    expect(await group.locator(".alert__silence").count()).toBe(0);
    await page.close();
  });
});
