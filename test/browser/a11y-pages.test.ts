import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { layoutShift, watchLayoutShift, withDemoRules } from "./a11y";
import { PROJECT, account, hasChromium, launch, newPage, operator, postCounter, screenshot } from "./browser";
import { ALL_PAGES, PAGES, caseName, openCase, visitorPage, type PageCase } from "./pages";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The pages that show their feed's connection: measured once it is live. */
const SHOWS_CONNECTION = new Set(["overview", "project", "fonds", "station", "wall"]);
/** The pages whose figures move with live data, measured on a phone as well. */
const LIVE_ON_PHONE = new Set([...SHOWS_CONNECTION, "alertHistory", "entry"]);

/** Frames the page's live sockets have received so far (null: the page has opened none). */
function countFrames(page: Page): () => number | null {
  let n: number | null = null;
  page.on("websocket", (ws) => {
    n ??= 0;
    ws.on("framereceived", () => n!++);
  });
  return () => n;
}

/**
 * A rule that makes alerts fire once enabled, made disabled before the page opens: the page's rule lists
 * are already as they will be, and what arrives during the window is the alerts alone.
 */
async function quietRule(): Promise<{ enable(): Promise<void>; remove(): Promise<void> }> {
  const { id } = (await operator("POST", `/projects/${PROJECT}/alert-rules`, { type: "behind_schedule", fonds: "*", threshold: 0.01, enabled: false })) as { id: string };
  const firing = async () => {
    const { alerts } = (await operator("GET", `/projects/${PROJECT}/alerts`)) as { alerts: { ruleId: string; state: string }[] };
    return alerts.some((a) => a.ruleId === id && a.state === "firing");
  };
  return {
    enable: async () => {
      await operator("PATCH", `/projects/${PROJECT}/alert-rules/${id}`, { enabled: true });
      await expect.poll(firing, { timeout: 10_000 }).toBe(true);
    },
    remove: async () => void (await operator("DELETE", `/projects/${PROJECT}/alert-rules/${id}`)),
  };
}

/**
 * While the page is watched: a station posts a counter, alerts fire, the station posts again, each waited
 * for on the page's sockets (a page without one gets a moment to draw).
 */
async function liveDataArrives(page: Page, frames: () => number | null, rule: { enable(): Promise<void> }): Promise<void> {
  const station = inject("server").stations[PROJECT]![0]!;
  const arrived = async (before: number | null) => {
    if (before !== null) await expect.poll(() => frames()!, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(400);
  };
  const post = async () => {
    const before = frames();
    const res = await postCounter(PROJECT, station.token, [{ id: `shift-${crypto.randomUUID()}`, fonds: "21", kind: "pages", delta: 7 }]);
    expect(res.status).toBe(200);
    await arrived(before);
  };
  await post();
  const before = frames();
  await rule.enable();
  await arrived(before);
  await post();
}

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

  // Every page at a laptop's size, the live ones on a phone too; the supervisor's overview is one province's
  // cards, the administrator's two provinces with the national lines above them.
  const CASES: { c: PageCase & { route: string }; viewport: { width: number; height: number }; email?: string }[] = [
    ...ALL_PAGES.map((c) => ({ c, viewport: LAPTOP })),
    { c: { ...PAGES.overview[0]!, route: "overview" }, viewport: LAPTOP, email: "giamsat.hatinh@demo.vn" },
    ...ALL_PAGES.filter((c) => LIVE_ON_PHONE.has(c.route)).map((c) => ({ c, viewport: PHONE })),
  ];
  for (const { c, viewport, email } of CASES) {
    it(`keeps ${caseName(c)} still while counters arrive and an alert fires (${viewport.width} px${email ? `, ${email}` : ""})`, async () => {
      const page = email ? await newPage(browser, viewport) : await visitorPage(browser, c.as ?? "admin", viewport);
      if (email) {
        await page.goto(`${inject("server").url}/`);
        await signIn(page, email);
        await page.locator("article.card").first().waitFor({ timeout: 15_000 });
      }
      const frames = countFrames(page);
      const rule = await quietRule();
      try {
        await watchLayoutShift(page);
        await openCase(page, c);
        if (SHOWS_CONNECTION.has(c.route) && c.as !== "nobody") await page.locator(".conn--live, .conn-dot--live").first().waitFor({ timeout: 15_000 });
        await liveDataArrives(page, frames, rule);
        const { cls, shifts } = await layoutShift(page);
        console.log(`layout shift ${caseName(c)} @${viewport.width}${email ? ` (${email})` : ""}: ${cls.toFixed(3)}${cls > 0.01 ? ` ${JSON.stringify(shifts)}` : ""}`);
        expect(cls, JSON.stringify(shifts)).toBeLessThan(0.1);
      } finally {
        await rule.remove();
        await page.close();
      }
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
