import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, newPage, screenshot, serverTotal } from "./browser";
import { outboxKey, storedOutbox } from "./outbox-db";

const FONDS = "21"; // Ủy ban nhân dân tỉnh Hà Tĩnh: still short of its plan after the backfill

async function stationPage(browser: Browser, station: number): Promise<Page> {
  const { url, stations } = inject("server");
  const page = await newPage(browser);
  await page.goto(`${url}/station?project=${PROJECT}`);
  await page.fill('input[name="token"]', stations[PROJECT]![station]!.token);
  await page.click('button[type="submit"]');
  await page.locator('select[name="fonds"]').waitFor({ timeout: 15_000 });
  return page;
}

async function enter(page: Page, amounts: Record<string, string>): Promise<void> {
  await page.selectOption('select[name="fonds"]', FONDS);
  for (const [kind, text] of Object.entries(amounts)) await page.fill(`input[name="${kind}"]`, text);
  await page.click(".entry-form button[type=submit]");
}

const pendingCount = (page: Page) => page.locator(".pending__count").textContent();

describe.runIf(hasChromium || process.env.CI)("station entry page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("queues entries while offline and, back online, the server counts each exactly once", async () => {
    const page = await stationPage(browser, 1);
    const context = page.context();
    const pagesBefore = await serverTotal(PROJECT, FONDS, "pages");
    const documentsBefore = await serverTotal(PROJECT, FONDS, "documents");

    await context.setOffline(true);
    await page.locator(".netstate--offline").waitFor();
    await enter(page, { pages: "1.234", documents: "56" });
    await enter(page, { pages: "7" });
    await expect.poll(() => pendingCount(page)).toBe("(3)");
    // Kept in the browser: a reload while offline would still have them (IndexedDB).
    await expect.poll(async () => (await storedOutbox(page, outboxKey(1))).map((e) => e.amount)).toEqual([56, 1234, 7]);
    expect(await serverTotal(PROJECT, FONDS, "pages")).toBe(pagesBefore);
    await screenshot(page, "station-entry-offline");

    // The first answer after the network returns is lost on the way back: the server has counted the batch,
    // the page has not heard so. It must send the same event ids again, and the server must not count twice.
    let lost = 0;
    await page.route("**/counters", async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await context.setOffline(false);
    await expect.poll(() => pendingCount(page), { timeout: 20_000 }).toBe("(0)");
    expect(lost).toBeGreaterThanOrEqual(2);
    expect(await serverTotal(PROJECT, FONDS, "pages")).toBe(pagesBefore + 1241);
    expect(await serverTotal(PROJECT, FONDS, "documents")).toBe(documentsBefore + 56);
    // The operator's own totals today include them, as counted by the server.
    await expect.poll(async () => page.locator('tr[data-kind="pages"] .today__confirmed').textContent()).toBe("1.241");
    await screenshot(page, "station-entry");
    await page.close();
  });

  it("shows an entry the server refuses, keeps the others going, and does not resend it", async () => {
    const page = await stationPage(browser, 2);
    const { stations } = inject("server");
    const key = `station.outbox.${PROJECT}.${stations[PROJECT]![2]!.id}`;
    const at = new Date().toISOString();
    // An entry for a fonds the project does not have (as if the plan changed after it was entered), beside a good one.
    await page.evaluate(
      ([k, when]) =>
        localStorage.setItem(
          k,
          JSON.stringify([
            { id: crypto.randomUUID(), fonds: "no-such-fonds", kind: "pages", amount: 5, decimals: 0, at: when, day: when.slice(0, 10) },
            { id: crypto.randomUUID(), fonds: "21", kind: "documents", amount: 3, decimals: 0, at: when, day: when.slice(0, 10) },
          ]),
        ),
      [key, at] as const,
    );
    let posts = 0;
    page.on("request", (r) => r.url().endsWith("/counters") && posts++);
    const documentsBefore = await serverTotal(PROJECT, "21", "documents");
    await page.reload();
    const rejected = page.locator(".pending__item--rejected");
    await rejected.waitFor({ timeout: 15_000 });
    expect(await rejected.textContent()).toContain("no-such-fonds");
    await expect.poll(() => serverTotal(PROJECT, "21", "documents")).toBe(documentsBefore + 3);
    await page.waitForTimeout(3000);
    expect(posts).toBe(2); // the refused batch, then the good entry alone; never the refused one again
    await rejected.getByRole("button").click();
    await expect.poll(() => rejected.count()).toBe(0);
    await page.close();
  });

  it("offers only the kinds the project plans, reads \"1.200\" pages as a thousand two hundred, and refuses \"1,5\" pages beside the field", async () => {
    const page = await stationPage(browser, 1);
    // Hà Tĩnh plans files, documents and pages (seed 001); nothing of arrangement or restoration.
    expect(await page.locator(".entry-form__kinds input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name))).toEqual(["files", "documents", "pages"]);
    const pagesBefore = await serverTotal(PROJECT, FONDS, "pages");
    await enter(page, { pages: "1,5" });
    await page.locator(".field__error").filter({ hasText: "Chỉ nhận số nguyên" }).waitFor({ timeout: 5_000 });
    expect(await page.locator('input[name="pages"]').getAttribute("aria-invalid")).toBe("true");
    await enter(page, { pages: "1.200" });
    await expect.poll(() => serverTotal(PROJECT, FONDS, "pages"), { timeout: 20_000 }).toBe(pagesBefore + 1200);
    expect(await page.locator(".field__error").count()).toBe(0);
    await page.close();
  });
});
