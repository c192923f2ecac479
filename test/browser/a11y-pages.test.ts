import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { layoutShift, watchLayoutShift, withDemoRules } from "./a11y";
import { PROJECT, account, hasChromium, launch, newPage, screenshot } from "./browser";

/** What has keyboard focus, in words a failing test can show. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"` : "none";
  });

/** Presses Tab (or Shift+Tab) until `matches` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, matches: string, { max = 80, back = false } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return i;
  }
  throw new Error(`${matches} not reached in ${max} presses; focus on ${await focused(page)}`);
}

async function signIn(page: Page, email: string): Promise<void> {
  const a = account(email);
  await page.locator('input[name="email"]').waitFor();
  await page.locator('input[name="email"]').focus();
  await page.keyboard.type(a.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(a.password);
  await page.keyboard.press("Enter");
}

describe.runIf(hasChromium || process.env.CI)("every screen, the keyboard and live data", () => {
  let browser: Browser;
  let removeRules: () => Promise<void>;
  beforeAll(async () => {
    browser = await launch();
    removeRules = await withDemoRules(PROJECT);
  });
  afterAll(async () => {
    await removeRules?.();
    await browser?.close();
  });

  const PAGES = [
    { path: "/", ready: "article.card .krow", viewport: { width: 1366, height: 768 } },
    // Two provinces: the national lines above the cards, filled as they arrive.
    { path: "/", ready: "article.card .krow", viewport: { width: 1366, height: 768 }, email: "quantri@demo.vn" },
    { path: `/p/${PROJECT}`, ready: ".fonds__table tbody tr", viewport: { width: 1366, height: 768 } },
    { path: `/p/${PROJECT}`, ready: ".fonds__table tbody tr", viewport: { width: 390, height: 844 } },
    { path: "/", ready: "article.card .krow", viewport: { width: 390, height: 844 } },
  ];
  for (const { path, ready, viewport, email = "giamsat.hatinh@demo.vn" } of PAGES) {
    it(`keeps ${path} still while live data arrives (${viewport.width} px, ${email})`, async () => {
      const { url } = inject("server");
      const page = await newPage(browser, viewport);
      await page.goto(`${url}/`);
      await signIn(page, email);
      await page.locator("article.card").first().waitFor({ timeout: 15_000 });
      await watchLayoutShift(page);
      await page.goto(`${url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      await page.locator(".conn--live, .conn-dot--live").first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(2000);
      const { cls, shifts } = await layoutShift(page);
      console.log(`layout shift ${path} @${viewport.width} (${email}): ${cls.toFixed(3)}${cls > 0.01 ? ` ${JSON.stringify(shifts)}` : ""}`);
      expect(cls, JSON.stringify(shifts)).toBeLessThan(0.1);
      await page.close();
    });
  }

  it("signs in, opens a project, acknowledges an alert and switches language with the keyboard alone", async () => {
    const { url } = inject("server");
    const page = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${url}/`);
    await signIn(page, "giamsat.hatinh@demo.vn");
    // After sign-in, focus is on the page's content, not dropped to the document.
    await page.locator("article.card .krow").first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // The card's alert count leads straight to the alerts.
    await page.locator(".card__alerts a").first().waitFor({ timeout: 15_000 });
    await tabTo(page, ".card__alerts a");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/p/${PROJECT}#alerts`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("#alerts") !== null), { timeout: 15_000 }).toBe(true);
    const presses = await tabTo(page, ".alert--firing .alert__actions button", { max: 12 });
    // A group's own controls (open, acknowledge all, silence all) come first; then the alert (32 before).
    expect(presses).toBeLessThanOrEqual(6);

    // The acknowledge form takes focus, and gives it back when it closes.
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.alert__form textarea[name="comment"]') ?? false)).toBe(true);
    await page.keyboard.type("Đã kiểm tra tại Trung tâm");
    await tabTo(page, '.alert__form button[type="submit"]', { max: 3 });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".alert__ack", { hasText: "Đã kiểm tra tại Trung tâm" }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest("#alerts") !== null)).toBe(true);

    // Back up to the language switch; its focus ring shows on the dark bar.
    await tabTo(page, ".lang__option:not([aria-pressed=true])", { back: true, max: 200 });
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await screenshot(page, "keyboard-lang-focus", false);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
    // The page's own title, in the language just chosen.
    await expect.poll(() => page.title()).toMatch(/ · Archive digitization progress$/);
    expect(await page.title()).not.toBe("Archive digitization progress");
    await page.close();
  });
});
