import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT, hasChromium, launch, screenshot, signedInPage } from "./browser";

describe.runIf(hasChromium || process.env.CI)("views in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("drills from the province to a project, a fonds and a station without reloading", async () => {
    const sockets: string[] = [];
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", "/", undefined, (p) => p.on("websocket", (ws) => sockets.push(ws.url())));
    const card = page.locator("article.card", { hasText: "Số hóa tài liệu tại Trung tâm" });
    await card.locator(".krow").first().waitFor({ timeout: 15_000 });
    // Progress per kind against plan, with the plan-to-date marker and a status in words.
    await expect.poll(async () => card.locator(".krow").count()).toBe(3);
    expect(await card.locator(".bar__marker").count()).toBe(3);
    expect(await card.locator(".status").first().textContent()).toMatch(/tiến độ|Hoàn thành/);
    await screenshot(page, "overview");
    // A province-wide role: the overview's figures come over one socket for the province, none per project.
    expect(sockets.filter((n) => n.includes("/provinces/")).length, sockets.join(" ")).toBe(1);
    expect(sockets.filter((n) => n.includes("/projects/")), "no project feed on the overview").toEqual([]);
    let loads = 0;
    page.on("load", () => loads++);

    await card.locator(".card__name a").click();
    await page.waitForURL(`**/p/${PROJECT}`);
    await page.locator(".fonds__table tbody tr").first().waitFor();
    await page.getByRole("link", { name: "Phòng Tư pháp huyện Can Lộc" }).click();
    await page.waitForURL(`**/p/${PROJECT}/fonds/6`);
    await expect.poll(async () => page.locator("h1").textContent()).toContain("Phòng Tư pháp huyện Can Lộc");
    await page.locator("article.kind").first().waitFor();
    await screenshot(page, "fonds");

    await page.getByRole("link", { name: /Số hóa tài liệu tại Trung tâm/ }).first().click();
    await page.getByRole("link", { name: "Máy quét 01" }).click();
    await page.waitForURL(`**/p/${PROJECT}/station/**`);
    await expect.poll(async () => page.locator("h1").textContent()).toBe("Máy quét 01");
    await page.locator("canvas").waitFor();
    await screenshot(page, "station");
    expect(loads).toBe(0);
    await page.close();
  });

  it("shows someone who watches two provinces a line per province, live over one national socket", async () => {
    const sockets: string[] = [];
    const page = await signedInPage(browser, "quantri@demo.vn", "/", undefined, (p) => p.on("websocket", (ws) => sockets.push(ws.url())));
    const rows = page.locator(".national__table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.locator("th").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Hà Tĩnh"), expect.stringContaining("Khánh Hòa")]));
    // Projects, and per kind the share done against plan-to-date, in Vietnamese numbers.
    await expect.poll(() => rows.first().textContent(), { timeout: 15_000 }).toMatch(/\d+,\d\s?% \(kế hoạch đến nay \d+,\d\s?%\)/);
    await screenshot(page, "overview-national");
    expect(sockets.filter((u) => u.includes("/national/live")).length).toBe(1);
    // Two provinces unfold at once: one socket each, whatever their number of projects.
    await expect.poll(() => sockets.filter((u) => u.includes("/provinces/")).length).toBe(2);
    expect(sockets.filter((u) => u.includes("/projects/")), "no project feed on the overview").toEqual([]);
    await page.close();
  });

  it("sorts the fonds table in Vietnamese order and filters without diacritics", async () => {
    const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", `/p/${PROJECT}`);
    const names = () => page.locator(".fonds__table tbody th").allTextContents();
    await expect.poll(async () => (await names()).length, { timeout: 15_000 }).toBe(21);
    await page.getByRole("button", { name: /^Phông/ }).click();
    const sorted = await names();
    // Vietnamese collation (the order itself, "Đ" after "D", is unit-tested in test/unit/fonds-list.test.ts).
    expect(sorted).toEqual([...sorted].sort(new Intl.Collator("vi").compare));
    expect(sorted[0]).toBe("Hội đồng nhân dân huyện Can Lộc");
    expect(sorted.at(-1)).toBe("Ủy ban nhân dân tỉnh Hà Tĩnh");
    await page.getByRole("button", { name: /^Phông/ }).click();
    await expect.poll(names).toEqual([...sorted].reverse());
    expect(await page.locator("th[aria-sort=descending]").textContent()).toContain("Phông");
    await page.getByPlaceholder(/Tìm phông/).fill("duc tho noi vu");
    await expect.poll(names).toEqual(["Phòng Nội vụ huyện Đức Thọ"]);
    await page.getByPlaceholder(/Tìm phông/).fill("");
    await page.getByLabel("Chỉ phông chậm tiến độ").check();
    await expect.poll(async () => (await names()).length).toBeLessThan(21);
    await page.close();
  });

  it("fits a 360 px phone", async () => {
    const page = await signedInPage(browser, "giamsat.hatinh@demo.vn", `/p/${PROJECT}`, { width: 360, height: 740 });
    await page.locator("article.kind").first().waitFor({ timeout: 15_000 });
    // Wide tables scroll inside their box; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "project-phone");
    await page.close();
  });

  it("shows one status for a project on the wall, its overview card, its page and its report, with counts that match the lists", async () => {
    const page = await signedInPage(browser, "lanhdao.hatinh@demo.vn", "/wall?every=600", { width: 1920, height: 1080 });
    const name = page.locator(".wall__name");
    await expect.poll(async () => (await name.textContent()) ?? "", { timeout: 15_000 }).not.toBe("…");
    await page.locator(".wall__head .status").waitFor();
    const project = (await name.textContent())!;
    const status = (await page.locator(".wall__head .status").textContent())!;
    const heading = (await page.locator(".wall__list .wall__subtitle").first().textContent())!;
    const listed = await page.locator(".wall__behind li:not(.wall__more):not(.empty)").count();
    const moreText = (await page.locator(".wall__behind .wall__more").allTextContents())[0] ?? "";
    const more = Number(moreText.match(/\d+/)?.[0] ?? 0);
    const behind = Number(heading.match(/^\d+/)?.[0] ?? 0);
    // The heading counts the fonds behind; the list shows some of them and says how many more.
    expect(listed + more).toBe(behind);
    expect(status === "Chậm tiến độ").toBe(behind > 0);
    // A fonds is one kind's percentage, never 100 % while behind.
    for (const text of await page.locator(".wall__worst strong").allTextContents()) expect(text).not.toMatch(/^100/);
    await screenshot(page, "wall-status", false);

    await page.goto(`${inject("server").url}/`);
    const card = page.locator("article.card", { hasText: project });
    await card.locator(":scope > .status").waitFor({ timeout: 15_000 });
    await expect.poll(async () => card.locator(":scope > .status").textContent()).toBe(status);
    if (behind > 0) expect(await card.locator(".card__behind strong").textContent()).toMatch(new RegExp(`^${behind} `));
    else expect(await card.locator(".card__behind").count()).toBe(0);

    await card.locator(".card__name a").click();
    await page.locator(".fonds__table tbody tr").first().waitFor();
    await expect.poll(async () => page.locator(".project__title .status").textContent()).toBe(status);
    await page.getByLabel("Chỉ phông chậm tiến độ").check();
    const rows = page.locator(".fonds__table tbody th");
    await expect.poll(async () => rows.count()).toBe(behind);
    await page.getByLabel("Chỉ phông chậm tiến độ").uncheck();
    await screenshot(page, "project-status");

    // The leader asks for a report up to today: it rates behind ("— tiến độ") the same fonds, so the
    // project reads behind there exactly when the wall, the card and the page say so.
    await page.getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.waitForURL(/\/p\/[^/]+\/reports$/);
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await page.waitForURL(/\/p\/[^/]+\/reports\/[^/]+$/);
    await page.locator(".report-table tbody tr").first().waitFor({ timeout: 20_000 });
    const headers = await page.locator(".report-table thead th").allTextContents();
    const scheduleColumns = headers.flatMap((h, i) => (h.endsWith("— tiến độ") ? [i] : []));
    expect(scheduleColumns.length).toBeGreaterThan(0);
    const ratedBehind = await page.locator(".report-table tbody tr").evaluateAll(
      (rows, columns) => rows.filter((r) => columns.some((i) => r.children[i]?.textContent === "Chậm tiến độ")).length,
      scheduleColumns,
    );
    expect(ratedBehind).toBe(behind);
    expect(status === "Chậm tiến độ").toBe(ratedBehind > 0);
    await screenshot(page, "report-status");
    await page.close();
  });

  it("runs the wall screen by itself: dark, rotating through the projects", async () => {
    const page = await signedInPage(browser, "quantri@demo.vn", "/wall?every=3", { width: 1920, height: 1080 });
    const name = page.locator(".wall__name");
    await expect.poll(async () => (await name.textContent()) ?? "", { timeout: 15_000 }).not.toBe("…");
    const first = await name.textContent();
    await page.locator(".wall__kind").first().waitFor();
    await screenshot(page, "wall", false);
    await expect.poll(async () => name.textContent(), { timeout: 10_000 }).not.toBe(first);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(11, 17, 23)");
    expect(await page.locator(".topbar").count()).toBe(0);
    await page.close();
  });
});
