import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

describe.runIf(hasChromium || process.env.CI)("the inspection sheet in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a supervisor types and pastes verified figures, saves the sheet once and sees the differences", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`);
    await page.getByRole("link", { name: "Kiểm tra và nghiệm thu" }).click();
    await page.waitForURL(`**/p/${PROJECT}/inspections`);
    const sheet = page.locator("form.inspection-sheet");
    await sheet.getByLabel("6 Trang A4", { exact: true }).waitFor({ timeout: 15_000 });
    await sheet.getByLabel("6 Trang A4", { exact: true }).fill("1.000");
    await sheet.getByLabel("6 Hồ sơ", { exact: true }).fill("12");

    await sheet.getByText("Dán bảng", { exact: true }).click();
    const paste = sheet.locator('textarea[name="paste"]');
    // A misplaced thousands mark: refused with its place, and nothing is filled.
    await paste.fill("STT\tTên phông\tSố hóa trang tài liệu\n7\tPhông 7\t2.000\n8\tPhông 8\t3.00");
    await sheet.getByRole("button", { name: "Điền vào bảng kiểm tra" }).click();
    await expect.poll(() => sheet.locator(".sheet-paste .form-error li").allTextContents()).toEqual([expect.stringMatching(/^Dòng 3, cột 3: /)]);
    expect(await sheet.getByLabel("7 Trang A4", { exact: true }).inputValue()).toBe("");
    await paste.fill("STT\tTên phông\tSố hóa trang tài liệu\n7\tPhông 7\t2.000\n8\tPhông 8\t3.000");
    await sheet.getByRole("button", { name: "Điền vào bảng kiểm tra" }).click();
    expect(await sheet.getByLabel("8 Trang A4", { exact: true }).inputValue()).toBe("3.000");

    await sheet.getByRole("button", { name: "Ghi nhận bảng kiểm tra" }).click();
    await expect.poll(() => sheet.locator(".form-ok[role=status]").last().textContent()).toBe("Đã ghi nhận 4 số liệu kiểm tra.");
    const rows = page.locator("table.verifications tbody tr");
    await rows.first().waitFor();
    const verified = await page.locator("table.verifications tbody tr", { hasText: "Trang A4" }).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(verified.map((cells) => cells[3])).toEqual(expect.arrayContaining(["1.000", "2.000", "3.000"]));
    for (const cells of verified) expect(cells[4]).toMatch(/^([+−]|0$)/); // the signed difference against the count on that day
    await screenshot(page, "inspection-sheet");
    await page.close();
  });

  it("refuses an acceptance over the count until an override reason is given, and reports that reason", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}/inspections`);
    const accept = page.locator("form", { has: page.locator("#accept-title") });
    await accept.locator('select[name="fonds"] option').first().waitFor({ state: "attached", timeout: 15_000 });
    await accept.locator('select[name="fonds"]').selectOption("6");
    await accept.locator('select[name="kind"]').selectOption("pages");
    await accept.locator('input[name="amount"]').fill("9.999.999");
    await accept.locator('input[name="minuteNumber"]').fill("BB-VUOT/2026");
    await accept.getByRole("button", { name: "Ghi nhận" }).click();
    await accept.getByText("Khối lượng nghiệm thu vượt số đếm", { exact: false }).waitFor();
    const reason = accept.getByLabel("Lý do nghiệm thu vượt số đếm");
    await reason.fill("Đếm lại trên giấy khổ lớn, máy quét chưa ghi");
    await accept.getByRole("button", { name: "Ghi nhận" }).click();
    const row = page.locator("table.acceptances tbody tr", { hasText: "BB-VUOT/2026" });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/BB-VUOT\/2026 \(\d{2}\/\d{2}\/\d{4}\) vượt số đếm, lý do: Đếm lại trên giấy khổ lớn, máy quét chưa ghi/);
    expect(await reason.count()).toBe(0);
    await page.close();
  });
});
