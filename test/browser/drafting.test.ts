// Drafted together: the demo supervisor and the demo admin on one report, each in their own browser.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

const SUPERVISOR = "giamsat.hatinh@demo.vn"; // Trần Thị Giám
const ADMIN = "quantri@demo.vn"; // Nguyễn Văn Quản

describe.runIf(hasChromium || process.env.CI)("a report drafted by two people in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const difficulties = (p: Page) => p.locator('form.report__notes textarea[name="difficulties"]');
  const save = (p: Page) => p.locator("form.report__notes").getByRole("button", { name: "Lưu", exact: true }).click();

  it("shows each who else is on it, brings one's saved edit to the other live, and refuses a stale save losing nothing", async () => {
    const sup = await signedInPage(browser, SUPERVISOR, `/p/${PROJECT}/reports`);
    // A period of its own, so other tests' notes are not in the way; text unique per run.
    await sup.fill('input[name="from"]', "2026-02-02");
    await sup.fill('input[name="to"]', "2026-02-13");
    await sup.getByRole("button", { name: "Lập báo cáo" }).click();
    await sup.waitForURL(`**/p/${PROJECT}/reports/**`);
    const reportPath = new URL(sup.url()).pathname;
    const run = Date.now().toString(36);

    const adm = await signedInPage(browser, ADMIN, reportPath);
    await difficulties(adm).waitFor({ timeout: 20_000 });
    await difficulties(sup).waitFor();
    await sup.locator(".report__viewers", { hasText: "Nguyễn Văn Quản" }).waitFor();
    await adm.locator(".report__viewers", { hasText: "Trần Thị Giám" }).waitFor();

    // The supervisor saves; the admin, who has touched nothing, sees it in the field at once.
    const first = `Giấy mỏng, dễ rách (${run})`;
    await difficulties(sup).fill(first);
    await save(sup);
    await sup.locator("form.report__notes").getByText("Đã lưu.").waitFor();
    await expect.poll(() => difficulties(adm).inputValue(), { timeout: 10_000 }).toBe(first);

    // Both edit the same field; the supervisor saves first. The admin's unsaved text stays, with a notice.
    const mine = `Mực đánh máy phai (${run})`;
    await difficulties(adm).fill(mine);
    const theirs = `Giấy mỏng, dễ rách, khổ lớn (${run})`;
    await difficulties(sup).fill(theirs);
    await save(sup);
    await adm.locator(".draft-notice", { hasText: "Trần Thị Giám vừa lưu thay đổi" }).waitFor({ timeout: 10_000 });
    expect(await difficulties(adm).inputValue()).toBe(mine);

    // The admin saves anyway: refused, saying who saved and showing their text beside the admin's own.
    await save(adm);
    await adm.locator("form.report__notes .form-error", { hasText: "Trần Thị Giám đã lưu thay đổi" }).waitFor();
    expect(await adm.locator('.their-version[data-field="difficulties"] .their-version__text').textContent()).toBe(theirs);
    expect(await difficulties(adm).inputValue()).toBe(mine);
    await screenshot(adm, "report-drafting-conflict");

    // The admin merges both; it lands, and the supervisor sees the merged text live.
    const merged = `${theirs}; ${mine}`;
    await difficulties(adm).fill(merged);
    await save(adm);
    await adm.locator("form.report__notes").getByText("Đã lưu.").waitFor();
    await expect.poll(() => difficulties(sup).inputValue(), { timeout: 10_000 }).toBe(merged);
    await sup.close();
    await adm.close();
  }, 90_000);

  it("refuses a stale save of the document heading, saying who saved, and keeps what was typed", async () => {
    const sup = await signedInPage(browser, SUPERVISOR, `/p/${PROJECT}/reports`);
    await sup.fill('input[name="from"]', "2026-03-02");
    await sup.fill('input[name="to"]', "2026-03-13");
    await sup.getByRole("button", { name: "Lập báo cáo" }).click();
    await sup.waitForURL(`**/p/${PROJECT}/reports/**`);
    const adm = await signedInPage(browser, ADMIN, new URL(sup.url()).pathname);
    const signer = (p: Page) => p.locator('.doc-settings input[name="signerName"]');
    for (const p of [sup, adm]) {
      await p.locator(".doc-settings summary").click();
      await signer(p).waitFor();
    }
    const run = Date.now().toString(36);
    await signer(sup).fill(`Mai Trường Sinh (${run})`);
    await sup.getByRole("button", { name: "Lưu thể thức" }).click();
    await sup.locator(".doc-settings").getByText("Đã lưu.").waitFor();
    // The admin opened the heading before that save: theirs is refused, naming the supervisor.
    await signer(adm).fill(`Nguyễn Văn Ký (${run})`);
    await adm.getByRole("button", { name: "Lưu thể thức" }).click();
    await adm.locator(".doc-settings .form-error", { hasText: "Trần Thị Giám đã lưu thay đổi lúc" }).waitFor();
    expect(await signer(adm).inputValue()).toBe(`Nguyễn Văn Ký (${run})`);
    await screenshot(adm, "report-heading-conflict");
    await sup.close();
    await adm.close();
  }, 90_000);
});
