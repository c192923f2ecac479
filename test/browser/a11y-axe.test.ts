import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./a11y";
import { hasChromium, launch } from "./browser";
import { ALL_PAGES, caseName, openCase, pathOfCase, routeOfPath, visitorPage } from "./pages";

const VIEWPORTS = [
  { name: "desk", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

async function expectNoSerious(page: Page, name: string): Promise<void> {
  // Colours settle after the live feed's first snapshot and the bars' short transition.
  await page.waitForTimeout(600);
  const found = await seriousViolations(page);
  expect(found, `${name}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

describe.runIf(hasChromium || process.env.CI)("axe-core finds nothing serious, and headings in order, on every page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("each page's address opens the route it stands for", async () => {
    for (const c of ALL_PAGES) expect(routeOfPath(await pathOfCase(c)), caseName(c)).toBe(c.route);
  });

  for (const viewport of VIEWPORTS) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      let admin: Page;
      beforeAll(async () => {
        admin = await visitorPage(browser, "admin", viewport);
      });
      afterAll(async () => {
        await admin?.close();
      });

      for (const c of ALL_PAGES) {
        it(caseName(c), async () => {
          const own = c.as && c.as !== "admin";
          const page = own ? await visitorPage(browser, c.as!, viewport) : admin;
          try {
            await openCase(page, c);
            await expectNoSerious(page, `${caseName(c)} @${viewport.name}`);
          } finally {
            if (own) await page.close();
          }
        });
      }
    });
  }
});
