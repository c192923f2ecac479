import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditPage, seriousViolations } from "./a11y";
import { PROJECT, hasChromium, launch } from "./browser";

/** Every page an official or an operator opens, and what shows it has finished loading. */
const PAGES: { path: string; ready: string }[] = [
  { path: "/", ready: "article.card .krow" },
  { path: `/p/${PROJECT}`, ready: ".fonds__table tbody tr" },
  { path: `/p/${PROJECT}/fonds/6`, ready: "article.kind" },
  { path: `/p/${PROJECT}/reports`, ready: "form" },
  { path: `/p/${PROJECT}/inspections`, ready: "form" },
  { path: `/p/${PROJECT}/rules`, ready: "form" },
  { path: "/wall?every=600", ready: ".wall__kind" },
  { path: "/account", ready: "form" },
  { path: "/users", ready: "form" },
  { path: "/admin", ready: "h1" },
  { path: "/admin/ha-tinh/new", ready: "form" },
  { path: `/p/${PROJECT}/setup`, ready: "form" },
  { path: `/p/${PROJECT}/plan`, ready: "textarea, input" },
  { path: `/p/${PROJECT}/stations`, ready: "form" },
  { path: `/p/${PROJECT}/audit`, ready: ".audit-log, .empty" },
];

async function expectNoSerious(page: Page, path: string): Promise<void> {
  // Colours settle after the live feed's first snapshot and the bars' short transition.
  await page.waitForTimeout(600);
  const found = await seriousViolations(page);
  expect(found, `${path}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

describe.runIf(hasChromium || process.env.CI)("axe-core finds nothing serious on any page", () => {
  let browser: Browser;
  let admin: Page;
  beforeAll(async () => {
    browser = await launch();
    admin = await auditPage(browser, "quantri@demo.vn");
    await admin.locator("article.card").first().waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sign-in and the station entry page", async () => {
    const { url } = inject("server");
    const page = await auditPage(browser);
    await page.locator('input[name="email"]').waitFor();
    await expectNoSerious(page, "sign-in");
    await page.goto(`${url}/station`);
    await page.locator('input[name="token"]').waitFor();
    await expectNoSerious(page, "/station");
    await page.close();
  });

  for (const { path, ready } of PAGES) {
    it(path, async () => {
      await admin.goto(`${inject("server").url}${path}`);
      await admin.locator(ready).first().waitFor({ timeout: 15_000 });
      await expectNoSerious(admin, path);
    });
  }

  it("a station's page and a report", async () => {
    const { url, adminToken, stations } = inject("server");
    await admin.goto(`${url}/p/${PROJECT}/station/${stations[PROJECT]![0]!.id}`);
    await admin.locator("canvas").first().waitFor({ timeout: 15_000 });
    await expectNoSerious(admin, "station");
    const res = await fetch(`${url}/api/v1/projects/${PROJECT}/reports`, {
      method: "POST",
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ from: "2026-01-01", to: "2026-02-01" }),
    });
    const { id } = (await res.json()) as { id: string };
    await admin.goto(`${url}/p/${PROJECT}/reports/${id}`);
    await admin.locator(".report-table tbody tr").first().waitFor({ timeout: 15_000 });
    await expectNoSerious(admin, "report");
  });
});
