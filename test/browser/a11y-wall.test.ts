import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clipped, layoutShift, watchLayoutShift, withDemoRules } from "./a11y";
import type { AlertView } from "../../schema/wire";
import { needsAction } from "../../schema/alert-state";
import { PROJECT, hasChromium, launch, operator, screenshot, signedInPage } from "./browser";

const SIZES = [
  { name: "wall-4k", width: 3840, height: 2160 },
  { name: "wall-2560", width: 2560, height: 1440 },
  { name: "wall-1920", width: 1920, height: 1080 },
  { name: "wall-1366", width: 1366, height: 768 },
  { name: "wall-phone", width: 390, height: 844 },
];

describe.runIf(hasChromium || process.env.CI)("the wall fits its screen", () => {
  let browser: Browser;
  let removeRules: () => Promise<void>;
  beforeAll(async () => {
    browser = await launch();
    // Alerts firing, as on a real programme's wall, so their list has to find room too.
    removeRules = await withDemoRules(PROJECT);
  });
  afterAll(async () => {
    await removeRules?.();
    await browser?.close();
  });

  for (const size of SIZES) {
    it(`shows every alert and row it lists whole at ${size.width}×${size.height}, without layout shift`, async () => {
      const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", "/", { width: size.width, height: size.height });
      await page.locator("article.card").first().waitFor({ timeout: 15_000 });
      await watchLayoutShift(page);
      await page.goto(page.url().replace(/\/$/, "") + `/wall?every=600`);
      await page.locator(".wall__kind").first().waitFor({ timeout: 15_000 });
      await page.locator(".wall__alerts li").first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1500);
      await screenshot(page, size.name, false);

      const landscape = size.width > size.height;
      if (landscape) {
        // The whole wall on one screen: nothing below the fold, nothing to scroll.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);
        expect(await clipped(page, ".wall__alerts-title, .wall__alerts li", ".wall__alerts-box")).toEqual([]);
        expect(await clipped(page, ".wall__behind li", ".wall__list")).toEqual([]);
        expect(await clipped(page, ".wall__kind", ".wall__kinds")).toEqual([]);
        // Alerts first: the top-left box under the title, beside the kinds rather than under them.
        const alerts = (await page.locator(".wall__alerts-box").boundingBox())!;
        const kinds = (await page.locator(".wall__kinds").boundingBox())!;
        expect(alerts.y).toBeLessThanOrEqual(kinds.y + 1);
        expect(alerts.x).toBeLessThan(kinds.x);
      }
      // Never wider than the screen, and the title is not one word per line.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      const title = await page.locator(".wall__name").evaluate((el) => ({ h: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
      expect(title.h / title.line).toBeLessThanOrEqual(3);
      // Every list says how many it left out: shown + "+N" = the count in its heading.
      const alertsHeading = (await page.locator(".wall__alerts-title").textContent()) ?? "";
      const shownAlerts = await page.locator(".wall__alerts li:not(.wall__more)").count();
      const moreAlerts = Number(((await page.locator(".wall__alerts .wall__more").allTextContents())[0] ?? "").match(/\d+/)?.[0] ?? 0);
      const firing = Number(alertsHeading.match(/\d+/)?.[0]);
      expect(shownAlerts + moreAlerts).toBe(firing);
      // More than a token row: the alerts' box holds several, even on a 768 px laptop.
      if (landscape) expect(shownAlerts).toBeGreaterThanOrEqual(Math.min(firing, 4));
      // Text read across a room (or held in a hand): nothing under 14 px.
      const smallest = await page.evaluate(() =>
        Math.min(...[...document.querySelectorAll(".wall *")].filter((el) => el.childNodes.length > 0 && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((el) => parseFloat(getComputedStyle(el).fontSize))),
      );
      expect(smallest).toBeGreaterThanOrEqual(14);

      const { cls, shifts } = await layoutShift(page);
      console.log(`layout shift /wall @${size.width}: ${cls.toFixed(3)}`);
      expect(cls, JSON.stringify(shifts)).toBeLessThan(0.1);
      await page.close();
    });
  }

  it("counts as firing only the alerts no one has acknowledged", async () => {
    const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", "/wall?every=600", { width: 1920, height: 1080 });
    await page.locator(".wall__alerts li").first().waitFor({ timeout: 15_000 });
    const heading = async () => Number(((await page.locator(".wall__alerts-title").textContent()) ?? "").match(/\d+/)?.[0]);
    const before = await heading();
    const { alerts } = (await operator("GET", `/projects/${PROJECT}/alerts`)) as { alerts: AlertView[] };
    const now = Date.now();
    expect(alerts.filter((a) => needsAction(a, now)).length).toBe(before);
    const one = alerts.find((a) => needsAction(a, now))!;
    await operator("POST", `/projects/${PROJECT}/alerts/ack`, { ruleId: one.ruleId, scope: one.scope, comment: "Đang xử lý" });
    await expect.poll(heading, { timeout: 10_000 }).toBe(before - 1);
    await page.close();
  });
});
