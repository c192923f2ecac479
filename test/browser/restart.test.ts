import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, postCounter, screenshot, server, signedInPage, viNumber } from "./browser";

describe.runIf(hasChromium || process.env.CI)("after the server is killed and restarted", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the project page and the wall reconnect by themselves and catch up", { timeout: 240_000 }, async () => {
    const project = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}`);
    const wall = await signedInPage(browser, "lanhdao.hatinh@demo.vn", "/wall", { width: 1920, height: 1080 });
    await project.locator(".conn--live").waitFor({ timeout: 15_000 });
    await wall.locator(".wall .conn--live").waitFor({ timeout: 15_000 });
    const pagesOnProject = project.locator("article.kind", { hasText: "Trang A4" }).locator(".kind__actual");
    const pagesOnWall = wall.locator(".wall__kind", { hasText: "Trang A4" }).locator(".kind__actual");
    const before = viNumber(await pagesOnProject.textContent());
    let navigations = 0;
    for (const p of [project, wall]) p.on("framenavigated", () => navigations++);

    await server("stop");
    await project.locator(".conn--reconnecting, .conn--offline").first().waitFor({ timeout: 60_000 });
    await screenshot(project, "restart-reconnecting");
    await server("start");
    // Counted while the pages are still away: they must get it by resuming from the seq they hold.
    const { token } = inject("server").stations[PROJECT]![0]!;
    expect((await postCounter(PROJECT, token, [{ id: crypto.randomUUID(), fonds: "21", kind: "pages", delta: 777 }])).status).toBe(200);

    const expected = (before + 777).toLocaleString("vi-VN");
    await expect.poll(async () => pagesOnProject.textContent(), { timeout: 60_000 }).toBe(expected);
    await expect.poll(async () => pagesOnWall.textContent(), { timeout: 60_000 }).toBe(expected);
    await project.locator(".conn--live").waitFor({ timeout: 30_000 });
    // And live again afterwards.
    expect((await postCounter(PROJECT, token, [{ id: crypto.randomUUID(), fonds: "21", kind: "pages", delta: 23 }])).status).toBe(200);
    await expect.poll(async () => pagesOnProject.textContent(), { timeout: 5_000 }).toBe((before + 800).toLocaleString("vi-VN"));
    expect(navigations).toBe(0);
    await screenshot(wall, "restart-wall", false);
    await Promise.all([project.close(), wall.close()]);
  });
});
