import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, postCounter, screenshot, signedInPage, viNumber } from "./browser";

// CI installs Chromium (.ci/run); a developer without it is told, not silently passed.
describe.runIf(hasChromium || process.env.CI)("project page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a new total within 1 s of a counter POST, without reload, and updates the charts in place", async () => {
    // The first live page's address still works: it becomes /p/<project>.
    const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/?project=${PROJECT}`);
    await page.waitForURL(`**/p/${PROJECT}`);
    const pages = page.locator("article.kind", { hasText: "Trang A4" }).locator(".kind__actual");
    await expect.poll(async () => (await pages.textContent()) ?? "", { timeout: 15_000 }).toMatch(/^\d/);
    await page.waitForSelector(".conn--live", { timeout: 15_000 });
    await page.waitForSelector("canvas");
    // Charts are made once: the same canvas elements must still be there after the delta.
    await page.evaluate(() => ((window as unknown as { charts: Element[] }).charts = [...document.querySelectorAll("canvas")]));
    const before = viNumber(await pages.textContent());
    const { token } = inject("server").stations[PROJECT]![0]!;
    let navigations = 0;
    page.on("framenavigated", () => navigations++);
    expect((await postCounter(PROJECT, token, [{ id: crypto.randomUUID(), fonds: "21", kind: "pages", delta: 1234 }])).status).toBe(200);
    const expected = (before + 1234).toLocaleString("vi-VN");
    // The requirement itself: the new total is on screen within one second of the POST.
    await page.waitForFunction(
      ([name, text]) =>
        [...document.querySelectorAll("article.kind")].some(
          (a) => a.querySelector(".kind__name")?.textContent === name && a.querySelector(".kind__actual")?.textContent === text,
        ),
      ["Trang A4", expected] as const,
      { timeout: 1000 },
    );
    expect(navigations).toBe(0);
    const sameCanvases = await page.evaluate(() => {
      const kept = (window as unknown as { charts: Element[] }).charts;
      const now = [...document.querySelectorAll("canvas")];
      return kept.length > 0 && kept.length === now.length && kept.every((c, i) => c === now[i] && c.isConnected);
    });
    expect(sameCanvases).toBe(true);
    await screenshot(page, "project-live");
    await page.close();
  });

  it("switches language: labels and number formats change", async () => {
    const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}`);
    const plan = page.locator("article.kind", { hasText: "Trang A4" }).locator(".kind__plan");
    await expect.poll(async () => plan.textContent(), { timeout: 15_000 }).toContain("330.345");
    await page.getByRole("button", { name: /^EN$/ }).click();
    const planEn = page.locator("article.kind", { hasText: "Pages" }).locator(".kind__plan");
    await expect.poll(async () => planEn.textContent(), { timeout: 5_000 }).toContain("330,345");
    await expect.poll(async () => page.locator(".section-title").first().textContent()).toBe("Totals by kind of work");
    await screenshot(page, "project-live-en");
    await page.getByRole("button", { name: /^VI$/ }).click();
    await page.close();
  });
});
