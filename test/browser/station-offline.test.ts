import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dayInZone, PROJECT_TIME_ZONE, projectIsoTime } from "../../schema/time";
import type { QueuedEntry } from "../../web/src/entry/outbox";
import { PROJECT, hasChromium, launch, newPage, server, serverTotal } from "./browser";
import { outboxKey, storedOutbox } from "./outbox-db";

const FONDS = "21";

describe.runIf(hasChromium || process.env.CI)("station entry page with no network (service worker)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens after a first visit with the server unreachable, keeps what is entered in IndexedDB across a reload, and the server counts it once when back", async () => {
    const { url, stations } = inject("server");
    const station = stations[PROJECT]![0]!;
    const key = outboxKey(0);
    const storedIds = async (page: Page) => (await storedOutbox(page, key)).map((e) => e.id);
    const page = await newPage(browser);
    const context = page.context();
    await page.goto(`${url}/station?project=${PROJECT}`);
    await page.fill('input[name="token"]', station.token);
    await page.click('button[type="submit"]');
    await page.locator('select[name="fonds"]').waitFor({ timeout: 15_000 });
    // The worker installed (precache filled) and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    const before = await serverTotal(PROJECT, FONDS, "pages");

    // No network at all: the browser offline and the server stopped, so nothing can come from it.
    await context.setOffline(true);
    await server("stop");
    try {
      // An entry an earlier version of the page left queued in localStorage: moved to IndexedDB, not lost.
      const now = Date.now();
      const left: QueuedEntry = { id: crypto.randomUUID(), fonds: FONDS, kind: "pages", amount: 5, decimals: 0, at: projectIsoTime(now), day: dayInZone(now, PROJECT_TIME_ZONE) };
      await page.evaluate(([k, list]) => localStorage.setItem(k!, list!), [key, JSON.stringify([left])]);
      await page.reload();
      await page.locator('select[name="fonds"]').waitFor({ timeout: 15_000 });
      await page.locator(".netstate--offline").waitFor();
      await expect.poll(() => page.locator(".pending__count").textContent()).toBe("(1)");
      expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
      expect(await storedIds(page)).toEqual([left.id]);

      await page.selectOption('select[name="fonds"]', FONDS);
      await page.fill('input[name="pages"]', "321");
      await page.click(".entry-form button[type=submit]");
      await expect.poll(() => page.locator(".pending__count").textContent()).toBe("(2)");
      await expect.poll(() => storedIds(page).then((ids) => ids.length)).toBe(2);

      // Reloaded again, still offline: the entries come back from IndexedDB.
      await page.reload();
      await page.locator(".netstate--offline").waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator(".pending__count").textContent()).toBe("(2)");
      expect((await storedIds(page))[0]).toBe(left.id);
    } finally {
      await server("start");
    }
    await context.setOffline(false);
    await expect.poll(() => page.locator(".pending__count").textContent(), { timeout: 20_000 }).toBe("(0)");
    expect(await serverTotal(PROJECT, FONDS, "pages")).toBe(before + 321 + 5);
    await expect.poll(() => storedIds(page)).toEqual([]);
    // The API was never answered from a cache: the worker's caches hold only the app shell and assets.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) for (const req of await (await caches.open(key)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    expect(cached).toContain("/");
    expect(cached.filter((p) => p.startsWith("/api/"))).toEqual([]);
    await page.close();
  });
});
