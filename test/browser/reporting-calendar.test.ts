// The department's reporting duty as people meet it: a supervisor sees what is owed and overdue, has
// every report owed written as soon as the calendar is read, signs one off, corrects it after it is
// frozen, and sees the department's receipt; a leader sees the same states without the buttons.
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

  it("shows every report owed without being asked, signs one off, freezes it, corrects it and records its receipt", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}/reports`);
    const section = page.locator(".report-filings");
    await section.getByRole("heading", { name: "Lịch báo cáo" }).waitFor();
    const summary = section.locator(".filing-summary");
    await summary.waitFor();
    // The demo server's cron never ran; opening the calendar wrote every report owed so far.
    const overdueBefore = count(await summary.textContent());
    expect(overdueBefore).toBeGreaterThan(10);
    expect(await section.getByText("Chưa lập").count()).toBe(0);
    expect(await section.getByRole("button", { name: "Lập các báo cáo còn thiếu" }).count()).toBe(0);

    const firstOverdue = section.locator("tr.filing--overdue").first();
    const due = (await firstOverdue.locator("th").textContent())!;
    const type = (await firstOverdue.locator("td").first().textContent())!;
    expect(await firstOverdue.locator(".filing__state").textContent()).toMatch(/^Quá hạn \d+ ngày$/);
    await firstOverdue.getByRole("button", { name: "Trình" }).click();
    const row = section.locator("tr", { has: page.locator("th", { hasText: due }) }).filter({ hasText: type }).first();
    await row.locator(".filing__state--submitted").waitFor();
    expect(await row.locator(".filing__state").textContent()).toMatch(/^Đã trình \(trễ \d+ ngày\)$/);
    expect(await row.locator(".filing__by").first().textContent()).toMatch(/^Trình lần 1: Trần Thị Giám, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(:\d{2})?$/);
    await page.waitForFunction((n) => Number(/(\d+)/.exec(document.querySelector(".filing-summary")?.textContent ?? "")?.[1]) === n, overdueBefore - 1);
    await screenshot(page, "reporting-calendar");

    // The submitted report says it is frozen: its notes are text, with no form to type into.
    await row.getByRole("link", { name: "lần 1" }).click();
    const frozen = page.locator(".report__frozen");
    await frozen.waitFor();
    expect(await frozen.textContent()).toContain("đã khóa");
    expect(await page.locator('textarea[name="difficulties"]').count()).toBe(0);
    expect(await page.locator(".doc-settings").count()).toBe(0);
    // A correction, with its reason, opens version 2, which can be edited.
    await frozen.locator("summary", { hasText: "Lập bản điều chỉnh" }).click();
    await frozen.locator('input[name="reason"]').fill("Bổ sung số trang phông 1 nhập thiếu");
    await frozen.getByRole("button", { name: "Lập bản điều chỉnh" }).click();
    await page.locator(".report__version", { hasText: "lần 2" }).waitFor();
    expect(await page.locator(".report__frozen").count()).toBe(0);
    await page.locator('textarea[name="difficulties"]').fill("Đã bổ sung số trang phông 1.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu.").waitFor();
    await screenshot(page, "report-correction");

    await page.getByRole("link", { name: "Báo cáo", exact: true }).first().click();
    await row.locator(".filing__state--correcting").waitFor();
    expect(await row.locator(".filing__state").textContent()).toBe("Đã nộp — đang lập bản điều chỉnh");
    expect(await row.textContent()).toContain("Điều chỉnh: Trần Thị Giám");
    expect(await row.textContent()).toContain("Bổ sung số trang phông 1 nhập thiếu");
    await row.getByRole("button", { name: "Trình" }).click();
    await row.locator(".filing__state--corrected").waitFor();
    expect(await row.locator(".filing__state").textContent()).toBe("Đã nộp — bản điều chỉnh");
    expect(await row.textContent()).toContain("Trình lần 2: Trần Thị Giám");
    await row.getByRole("button", { name: "Tiếp nhận" }).click();
    await row.locator(".filing__received").waitFor();
    expect(await row.locator(".filing__state").textContent()).toBe("Sở đã tiếp nhận");
    expect(await row.locator(".filing__received").textContent()).toMatch(/^Sở tiếp nhận: Trần Thị Giám, /);
    await screenshot(page, "reporting-calendar-received", false);

    // Notes written on an overdue report make it "drafted", still late.
    const next = section.locator("tr.filing--overdue").first();
    await next.getByRole("link", { name: /^lần \d+$/ }).click();
    await page.locator('textarea[name="proposals"]').fill("Đề nghị bổ sung máy quét A0.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu.").waitFor();
    await page.goBack();
    const drafted = section.locator("tr.filing--drafted").first();
    await drafted.waitFor();
    expect(await drafted.locator(".filing__state").textContent()).toMatch(/^Đang soạn, quá hạn \d+ ngày$/);
    expect(await drafted.textContent()).toContain("Soạn: Trần Thị Giám");
    expect(count(await summary.textContent())).toBe(overdueBefore - 1);

    // The leader reads the same calendar: the states, no sign-off buttons.
    const leader = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}/reports`);
    const theirs = leader.locator(".report-filings");
    await theirs.locator(".filing-summary").waitFor();
    expect(count(await theirs.locator(".filing-summary").textContent())).toBe(overdueBefore - 1);
    expect(await theirs.getByRole("button", { name: "Trình" }).count()).toBe(0);
    expect(await theirs.locator(".correction").count()).toBe(0);
    expect(await theirs.locator(".filing__received").count()).toBeGreaterThanOrEqual(1);
  });
});
