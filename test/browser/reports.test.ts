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
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu.").waitFor();

    // The CSV, in Vietnamese: UTF-8 with a BOM (Excel reads the diacritics), with the totals row.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải CSV" }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Tổng");
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await screenshot(page, "report");

    // The Word file from the page's button, named after the report type and period.
    const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải Word (.docx)" }).click()]);
    expect(docx.suggestedFilename()).toMatch(/-adhoc-2026-01-01-\d{4}-\d{2}-\d{2}\.docx$/);
    // The official document's settings fold away under the figures, with the province's defaults.
    await page.locator(".doc-settings summary").click();
    expect(await page.locator('.doc-settings input[name="parentBody"]').inputValue()).toBe("UBND TỈNH HÀ TĨNH");
    await page.locator('.doc-settings input[name="signerName"]').fill("Mai Trường Sinh");
    await page.getByRole("button", { name: "Lưu thể thức" }).click();
    await page.locator(".doc-settings").getByText("Đã lưu.").waitFor();

    // On paper: the official document alone, in the decree's form, and nothing overlapping.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.locator(".report__actions").isVisible()).toBe(false);
    expect(await page.locator(".crumbs").isVisible()).toBe(false);
    expect(await page.locator("form.report__notes").isVisible()).toBe(false);
    expect(await page.locator(".report-table").isVisible()).toBe(false);
    const official = page.locator(".official");
    expect(await official.isVisible()).toBe(true);
    const text = (await official.textContent()) ?? "";
    const order = ["UBND TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-SNV", "BÁO CÁO", "Kính gửi:", "Tài liệu khổ lớn", "Nơi nhận:", "Mai Trường Sinh"].map((x) => text.indexOf(x));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await official.locator(".official__table thead").first().evaluate((el) => getComputedStyle(el).display)).toBe("table-header-group");
    const overlaps = await page.evaluate(() => {
      const found: string[] = [];
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      const blocks = [".official__issuer", ".official__nation", ".official__number", ".official__date"];
      for (const a of blocks) for (const b of blocks) if (a < b && !apart(box(a), box(b))) found.push(`${a} × ${b}`);
      if (!apart(box(".official__recipients"), box(".official__signer"))) found.push("recipients × signer");
      // Text wider than its cell would spill over the next one.
      for (const cell of document.querySelectorAll<HTMLElement>(".official__table th, .official__table td")) {
        if (cell.scrollWidth > cell.clientWidth + 1) found.push(`cell "${cell.textContent}"`);
      }
      return found;
    });
    expect(overlaps).toEqual([]);
    await screenshot(page, "report-print");
    // The PDF itself is read back in report-pdf.test.ts.
    await page.close();
  });
});
