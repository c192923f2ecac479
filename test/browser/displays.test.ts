// A meeting-room screen on a display code: an admin creates it, a browser with nobody's session opens
// the wall address, sees the project's live figures move, and the audit log shows who created it.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hasChromium, launch, postCounter, PROJECT, screenshot, signedInPage } from "./browser";

async function provinceOf(projectId: string): Promise<string> {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1/provinces`, { headers: { Authorization: `Bearer ${adminToken}` } });
  const body = (await res.json()) as { provinces: { id: string; projects: { id: string }[] }[] };
  return body.provinces.find((p) => p.projects.some((j) => j.id === projectId))!.id;
}

describe.runIf(hasChromium || process.env.CI)("a wall screen on a display code", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is created by an admin, shows the project live with nobody signed in, and is in the audit log", async () => {
    const name = `Phòng họp ${crypto.randomUUID().slice(0, 6)}`;
    const admin = await signedInPage(browser, "quantri@demo.vn", `/p/${PROJECT}/displays`);
    await admin.locator('input[name="name"]').fill(name);
    await admin.getByRole("button", { name: "Tạo mã màn hình" }).click();
    const shown = admin.locator("[data-wall-url]");
    await shown.waitFor();
    const wallUrl = (await shown.getAttribute("data-wall-url"))!;
    expect(wallUrl).toMatch(/\/wall#display=dt_/);
    await admin.getByRole("rowheader", { name }).waitFor();

    // A fresh browser context: no cookie, no session, as the meeting room's PC.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await context.newPage();
    await wall.goto(wallUrl);
    await wall.locator(".wall__name").waitFor();
    await wall.locator(".wall__head .conn--live").waitFor();
    // The token left the address at once; the screen says what it is, and offers no account.
    expect(wall.url()).not.toContain("dt_");
    await expect.poll(() => wall.locator(".wall__display").textContent()).toContain(name);
    expect(await wall.getByRole("button", { name: "Đăng xuất" }).count()).toBe(0);
    expect(await wall.getByRole("link", { name: "Tài khoản" }).count()).toBe(0);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "display")?.httpOnly).toBe(true);

    // Live: a station's post moves the wall's figures without a reload.
    const before = await wall.locator(".wall__kinds").textContent();
    const station = inject("server").stations[PROJECT]![0]!;
    const res = await postCounter(PROJECT, station.token, [{ id: `wall-${crypto.randomUUID()}`, fonds: "21", kind: "pages", delta: 1234 }]);
    expect(res.status).toBe(200);
    await expect.poll(() => wall.locator(".wall__kinds").textContent(), { timeout: 10_000 }).not.toBe(before);
    await screenshot(wall, "wall-display", false);

    // The wall reads nothing else: the overview page is not its to see.
    const other = await wall.request.get(`${inject("server").url}/api/v1/projects/${PROJECT}/reports`);
    expect(other.status()).toBe(403);
    await context.close();

    const provinceId = await provinceOf(PROJECT);
    await admin.goto(`${inject("server").url}/admin/${provinceId}/audit`);
    const row = admin.locator("tr", { hasText: name });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain("display.create");
    await admin.close();
  });
});
