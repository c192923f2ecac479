// The department's reporting duty as people meet it: a supervisor sees what is owed and overdue, has
// the missing reports written, and signs one off; a leader sees the same states without the buttons.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

const count = (text: string | null) => Number(/(\d+)/.exec(text ?? "")?.[1] ?? 0);

describe.runIf(hasChromium || process.env.CI)("the reporting calendar in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every overdue report, writes the missing ones, and records the centre's sign-off", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}/reports`);
    const section = page.locator(".report-filings");
    await section.getByRole("heading", { name: "Lịch báo cáo" }).waitFor();
    const summary = section.locator(".filing-summary");
    await summary.waitFor();
    // The demo server's cron never ran: everything owed so far is overdue and most are not written.
    const overdueBefore = count(await summary.textContent());
    expect(overdueBefore).toBeGreaterThan(10);
    expect(await section.locator("tbody tr").first().locator("td").nth(3).textContent()).toMatch(/Chưa lập|lần \d+/);

    await section.getByRole("button", { name: "Lập các báo cáo còn thiếu" }).click();
    await section.getByText(/Đã lập \d+ báo cáo\./).waitFor({ timeout: 60_000 });
    expect(await section.getByText("Chưa lập").count()).toBe(0);

    const firstOverdue = section.locator("tr.filing--overdue").first();
    const due = await firstOverdue.locator("th").textContent();
    expect(await firstOverdue.locator(".filing__state").textContent()).toMatch(/^Quá hạn \d+ ngày$/);
    await firstOverdue.getByRole("button", { name: "Trình" }).click();
    const row = section.locator("tr", { has: page.locator("th", { hasText: due! }) }).first();
    await row.locator(".filing__state--submitted").waitFor();
    expect(await row.locator(".filing__state").textContent()).toMatch(/^Đã trình \(trễ \d+ ngày\)$/);
    expect(await row.locator(".filing__by").textContent()).toContain("Trần Thị Giám");
    await page.waitForFunction((n) => Number(/(\d+)/.exec(document.querySelector(".filing-summary")?.textContent ?? "")?.[1]) === n, overdueBefore - 1);
    await screenshot(page, "reporting-calendar");

    // The leader reads the same calendar: the states, no sign-off buttons.
    const leader = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}/reports`);
    const theirs = leader.locator(".report-filings");
    await theirs.locator(".filing-summary").waitFor();
    expect(count(await theirs.locator(".filing-summary").textContent())).toBe(overdueBefore - 1);
    expect(await theirs.getByRole("button", { name: "Trình" }).count()).toBe(0);
    expect(await theirs.locator(".filing__state--submitted").count()).toBe(1);
  });
});
