import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

describe.runIf(hasChromium || process.env.CI)("reports in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("requests an ad-hoc report, shows the department's table, downloads its CSV and prints cleanly", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`);
    // From the project page's header to the reports page, without a reload.
    await page.getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.waitForURL(`**/p/${PROJECT}/reports`);
    const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()));
    await page.fill('input[name="from"]', "2026-01-01");
    await page.fill('input[name="to"]', today);
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await page.waitForURL(`**/p/${PROJECT}/reports/**`);

    // The heading and the table from the shared column model: 21 fonds and a bold totals row.
    await page.locator(".report-table tbody tr").first().waitFor({ timeout: 20_000 });
    expect(await page.locator("h1").textContent()).toBe("Báo cáo đột xuất");
    expect(await page.locator(".report__period").textContent()).toContain("01/01/2026");
    expect(await page.locator(".report-table tbody tr").count()).toBe(21);
    const totals = page.locator(".report-table__totals");
    expect(await totals.locator("th").textContent()).toBe("Tổng");
    expect(await totals.locator("th").evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
    const headers = await page.locator(".report-table thead th").allTextContents();
    expect(headers.slice(0, 2)).toEqual(["STT", "Tên phông"]);
    expect(headers).toContain("Số hóa trang tài liệu — hoàn thành");
    expect(await page.locator(".report-table tbody td").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(Đạt|Không đạt)$/)]));
    // A supervisor writes the centre's difficulties and proposals.
    await page.locator('textarea[name="difficulties"]').fill("Tài liệu khổ lớn, mực đánh máy mờ.");
    await page.locator('textarea[name="proposals"]').fill("Điều chuyển khối lượng sang phông khác.");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu.").waitFor();

    // The CSV, in Vietnamese: UTF-8 with a BOM (Excel reads the diacritics), with the totals row.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải CSV" }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Tổng");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await screenshot(page, "report");

    // On paper: no top bar, buttons or breadcrumbs; the notes as text; the table header repeats.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.locator(".report__actions").isVisible()).toBe(false);
    expect(await page.locator(".crumbs").isVisible()).toBe(false);
    expect(await page.locator("form.report__notes").isVisible()).toBe(false);
    expect(await page.locator(".report__notes.print-only").textContent()).toContain("Tài liệu khổ lớn");
    expect(await page.locator(".report-table thead").evaluate((el) => getComputedStyle(el).display)).toBe("table-header-group");
    await screenshot(page, "report-print");
    await page.close();
  });

  it("records verified figures and an acceptance minute on the inspections page", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`);
    await page.getByRole("link", { name: "Kiểm tra và nghiệm thu" }).click();
    await page.waitForURL(`**/p/${PROJECT}/inspections`);
    const verify = page.locator("form", { has: page.locator("#verify-title") });
    await verify.locator('select[name="fonds"] option').first().waitFor({ state: "attached", timeout: 15_000 });
    await verify.locator('select[name="fonds"]').selectOption("6");
    await verify.locator('select[name="kind"]').selectOption("pages");
    await verify.locator('input[name="verified"]').fill("1.000");
    await verify.locator('input[name="note"]').fill("Kiểm tra trên phần mềm");
    await verify.getByRole("button", { name: "Ghi nhận" }).click();
    const row = page.locator("table.verifications tbody tr", { hasText: "Kiểm tra trên phần mềm" });
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[3]).toBe("1.000"); // verified, in Vietnamese thousands
    expect(cells[4]).toMatch(/^[+−]/); // the signed difference against the reported figure

    const accept = page.locator("form", { has: page.locator("#accept-title") });
    await accept.locator('select[name="fonds"]').selectOption("6");
    await accept.locator('select[name="kind"]').selectOption("pages");
    await accept.locator('input[name="amount"]').fill("500");
    await accept.locator('input[name="minuteNumber"]').fill("BB-01/2026");
    await accept.getByRole("button", { name: "Ghi nhận" }).click();
    await page.locator("table.acceptances tbody tr", { hasText: "BB-01/2026" }).waitFor();
    await screenshot(page, "inspections");
    await page.close();
  });
});
