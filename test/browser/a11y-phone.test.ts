// Every page held in one hand: a 390×844 phone. Each control a thumb's size (44 px), no text under
// 14 px, and on the project page the alerts a tap away from the top.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallTargets, smallText, withDemoRules } from "./a11y";
import { PROJECT, hasChromium, launch, screenshot } from "./browser";
import { ALL_PAGES, PAGES, caseName, openCase, visitorPage } from "./pages";

const PHONE = { width: 390, height: 844 };

describe.runIf(hasChromium || process.env.CI)("every page on a phone", () => {
  let browser: Browser;
  let admin: Page;
  let removeRules: () => Promise<void>;
  beforeAll(async () => {
    browser = await launch();
    // Alerts firing, so their groups, states and buttons are measured too.
    removeRules = await withDemoRules(PROJECT);
    admin = await visitorPage(browser, "admin", PHONE);
  });
  afterAll(async () => {
    await removeRules?.();
    await browser?.close();
  });

  for (const c of ALL_PAGES) {
    it(`${caseName(c)}: targets ≥ 44 px, text ≥ 14 px`, async () => {
      const own = c.as && c.as !== "admin";
      const page = own ? await visitorPage(browser, c.as!, PHONE) : admin;
      try {
        await openCase(page, c);
        await page.waitForTimeout(600);
        // A closed group hides its alerts: open every one, so what is inside is measured as well.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await smallTargets(page), caseName(c)).toEqual([]);
        expect(await smallText(page), caseName(c)).toEqual([]);
      } finally {
        if (own) await page.close();
      }
    });
  }

  it("the project page leads to its alerts from the first screen", async () => {
    await openCase(admin, PAGES.project[0]!);
    await admin.locator(".alert--firing").first().waitFor({ timeout: 15_000 });
    await admin.evaluate(() => window.scrollTo(0, 0));
    const jump = admin.locator('.project a[href="#alerts"]');
    const box = await jump.boundingBox();
    expect(box, "a link to the alerts in the project's header").not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await screenshot(admin, "project-phone-top", false);
    await jump.click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.closest("#alerts") !== null)).toBe(true);
    const alerts = await admin.locator("#alerts").boundingBox();
    expect(alerts!.y).toBeLessThan(PHONE.height / 2);
  });
});
