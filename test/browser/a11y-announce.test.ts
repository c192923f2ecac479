// What a screen reader hears about the live connection: once per change, on every page that has live
// feeds (the overview's many cards, the project page, the wall), and nothing as data arrives or as the
// wall moves from one project to the next.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, account, hasChromium, launch, newPage, postCounter } from "./browser";

const STATUS_WORDS = ["Đang kết nối", "Trực tiếp", "Đang kết nối lại", "Mất kết nối"];

/** Records, from the page's first script on, each new text of every live region (role status or alert,
 * aria-live): what assistive technology is told. A region's text when it first appears is not a change. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __said: string[] };
    w.__said = [];
    const last = new WeakMap<Element, string>();
    const look = () => {
      for (const el of document.querySelectorAll('[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])')) {
        const text = (el.textContent ?? "").trim();
        const before = last.get(el);
        last.set(el, text);
        if (before !== undefined && before !== text && text !== "") w.__said.push(text);
      }
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** What the page's live regions said about the connection since `from` (an index into the record). */
const connectionSaid = (page: Page, from = 0) => page.evaluate((words) => (window as unknown as { __said: string[] }).__said.filter((t) => words.includes(t)), STATUS_WORDS).then((l) => l.slice(from));

/** Signed in as `email`, recording from the first page on. */
async function openRecorded(browser: Browser, email: string, path: string): Promise<Page> {
  const { url } = inject("server");
  const page = await newPage(browser, { width: 1366, height: 768 });
  await recordAnnouncements(page);
  await page.goto(`${url}${path}`);
  await page.fill('input[name="email"]', account(email).email);
  await page.fill('input[name="password"]', account(email).password);
  await page.click('button[type="submit"]');
  return page;
}

async function postSome(page: Page, n: number): Promise<void> {
  const station = inject("server").stations[PROJECT]![0]!;
  for (let i = 0; i < n; i++) {
    const res = await postCounter(PROJECT, station.token, [{ id: `announce-${crypto.randomUUID()}`, fonds: "21", kind: "pages", delta: 3 }]);
    expect(res.status).toBe(200);
    await page.waitForTimeout(500);
  }
}

describe.runIf(hasChromium || process.env.CI)("the connection is announced once per change", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const PAGES = [
    { name: "the overview, one province", email: "giamsat.hatinh@demo.vn", path: "/", live: ".conn-dot--live" },
    { name: "the overview, two provinces and the national lines", email: "quantri@demo.vn", path: "/", live: ".conn-dot--live" },
    { name: "the project page", email: "giamsat.hatinh@demo.vn", path: `/p/${PROJECT}`, live: ".conn--live" },
    { name: "the wall", email: "lanhdao.hatinh@demo.vn", path: "/wall?every=600", live: ".wall .conn--live" },
  ];
  for (const { name, email, path, live } of PAGES) {
    it(name, async () => {
      const page = await openRecorded(browser, email, path);
      await page.locator(live).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      const settled = (await connectionSaid(page)).length;

      // Counters arrive and the "heard at" time moves on: the connection has not changed, nothing is said.
      await postSome(page, 4);
      expect(await connectionSaid(page, settled)).toEqual([]);

      // The network goes: said once, however many feeds the page has.
      await page.context().setOffline(true);
      await expect.poll(() => connectionSaid(page, settled), { timeout: 10_000 }).toEqual(["Mất kết nối"]);
      await page.waitForTimeout(1500);
      expect(await connectionSaid(page, settled)).toEqual(["Mất kết nối"]);

      // And back: each step once, ending live.
      await page.context().setOffline(false);
      await expect.poll(async () => (await connectionSaid(page, settled)).at(-1), { timeout: 20_000 }).toBe("Trực tiếp");
      const said = await connectionSaid(page, settled);
      expect(said.length).toBeLessThanOrEqual(3);
      for (let i = 1; i < said.length; i++) expect(said[i], JSON.stringify(said)).not.toBe(said[i - 1]);
      await page.close();
    });
  }

  it("the wall says nothing as it moves on to the next project", async () => {
    const page = await openRecorded(browser, "quantri@demo.vn", "/wall?every=3");
    await page.locator(".wall .conn--live").first().waitFor({ timeout: 15_000 });
    // Said once that it is live, by the wall's one announcement.
    await expect.poll(() => connectionSaid(page), { timeout: 10_000 }).toEqual(["Trực tiếp"]);
    const settled = (await connectionSaid(page)).length;
    const first = await page.locator(".wall__name").textContent();
    // Round to the other project and back.
    await expect.poll(() => page.locator(".wall__name").textContent(), { timeout: 15_000 }).not.toBe(first);
    await page.locator(".wall .conn--live").first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(".wall__name").textContent(), { timeout: 15_000 }).toBe(first);
    await page.locator(".wall .conn--live").first().waitFor({ timeout: 15_000 });
    expect(await connectionSaid(page, settled)).toEqual([]);
    await page.close();
  });
});
