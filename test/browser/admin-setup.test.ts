// A province set up through the dashboard alone, as a new administrator would: no API call but the
// station's counter posts (the scan PC's part). Starts from the demo system admin, on a province of its
// own, so the demo data does not matter.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hasChromium, launch, newPage, postCounter, screenshot, signedInPage } from "./browser";

const FIXTURE = readFileSync(new URL("../../../shared/fixtures/khanhhoa-2024-arrangement.tsv", import.meta.url), "utf8");

async function signIn(browser: Browser, email: string, password: string, path = "/"): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${inject("server").url}${path}`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).waitFor();
  return page;
}

/** Creates an account on the users page; returns the initial password the page shows once. */
async function createAccount(page: Page, province: string, role: "admin" | "supervisor" | "leader", name: string, email: string): Promise<string> {
  const form = page.locator("form", { has: page.locator('select[name="province"]') });
  await form.locator('select[name="province"]').selectOption({ label: province });
  await form.locator('select[name="role"]').selectOption(role);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  const shown = page.locator("[data-password]");
  await expect.poll(async () => page.getByRole("status").filter({ hasText: email }).count()).toBe(1);
  return (await shown.getAttribute("data-password")) ?? "";
}

async function pasteAndPreview(page: Page, table: string): Promise<void> {
  await page.locator('textarea[name="table"]').fill(table);
  await page.getByRole("button", { name: "Xem trước" }).click();
}

describe.runIf(hasChromium || process.env.CI)("setting a province up from the dashboard", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("province, its admin, a project with a pasted plan, a station, a leader and a supervisor; the leader sees the counters live", async () => {
    const suffix = crypto.randomUUID().slice(0, 6);
    const provinceName = `Khánh Hòa thử ${suffix}`;
    const projectId = `kh-${suffix}`;
    const year = new Date().getUTCFullYear();

    // A system administrator opens the province.
    const system = await signedInPage(browser, "hethong@demo.vn", "/");
    await system.getByRole("link", { name: "Quản trị" }).click();
    await system.waitForURL("**/admin");
    await system.locator('input[name="name"]').fill(provinceName);
    expect(await system.locator('input[name="id"]').inputValue()).toBe(`khanh-hoa-thu-${suffix}`);
    await system.getByRole("button", { name: "Tạo tỉnh" }).click();
    await system.getByRole("status").filter({ hasText: "Đã tạo tỉnh" }).waitFor();
    await system.getByRole("heading", { name: provinceName }).waitFor();

    // …and its administrator's account, with the one-time password the page shows.
    await system.getByRole("link", { name: "Người dùng", exact: true }).click();
    await system.waitForURL("**/users");
    const adminEmail = `quantri-${suffix}@snv.example`;
    const adminPassword = await createAccount(system, provinceName, "admin", "Trần Văn Quản Trị", adminEmail);
    expect(adminPassword).toMatch(/^[a-z2-9-]{24}$/);
    await system.close();

    // The province admin signs in and creates the project.
    const admin = await signIn(browser, adminEmail, adminPassword);
    await admin.getByRole("link", { name: "Quản trị" }).click();
    await admin.getByRole("link", { name: "Tạo dự án" }).click();
    await admin.waitForURL("**/new");
    await admin.locator('input[name="name"]').fill("Chỉnh lý tài liệu lưu trữ giai đoạn 2024 - 2026");
    await admin.locator('input[name="id"]').fill(projectId);
    await admin.locator('input[name="legalBasis"]').fill("Quyết định số 14698/QĐ-UBND ngày 23/12/2024");
    // A date typed wrong is said beside its field before anything is sent.
    await admin.locator('input[name="periodStart"]').fill(`12/31/${year}`); // month first: no such day
    await admin.locator('input[name="periodEnd"]').fill(`31/12/${year + 1}`);
    await admin.getByRole("button", { name: "Tạo dự án" }).click();
    await expect.poll(async () => admin.locator("#periodStart-note").textContent()).toContain("dd/mm/yyyy");
    await admin.locator('input[name="periodStart"]').fill(`01/01/${year}`);
    await admin.getByRole("button", { name: "Tạo dự án" }).click();
    await admin.waitForURL(`**/p/${projectId}/plan`);
    // The empty project's page leads to the import rather than ending at "no plan".
    await admin.getByRole("link", { name: "Chỉnh lý tài liệu lưu trữ giai đoạn 2024 - 2026" }).click();
    await admin.waitForURL(`**/p/${projectId}`);
    await admin.getByText("Dự án chưa có kế hoạch.").waitFor();
    await admin.getByRole("link", { name: "Nhập kế hoạch" }).click();
    await admin.waitForURL(`**/p/${projectId}/plan`);

    // A malformed table: the error is pinned to its line and column, and nothing is imported.
    await pasteAndPreview(admin, FIXTURE.replace("887", "8x7"));
    await admin.locator('.plan-errors__row[data-line="2"][data-column="3"]').waitFor();
    expect(await admin.getByRole("button", { name: /Xác nhận nhập/ }).count()).toBe(0);
    await screenshot(admin, "admin-plan-error");
    expect(await admin.getByText("Dự án chưa có kế hoạch.").count()).toBe(1);

    // The fixture as officials keep it (decimal commas): preview with the totals, then confirm.
    await pasteAndPreview(admin, FIXTURE);
    const totals = admin.locator(".plan-preview__totals");
    await expect.poll(async () => totals.textContent()).toContain("2.429,40");
    expect(await totals.textContent()).toContain("3.098,50");
    expect(await admin.getByText("Dự án chưa có kế hoạch.").count()).toBe(1); // the preview wrote nothing
    await screenshot(admin, "admin-plan-preview");
    await admin.getByRole("button", { name: "Xác nhận nhập 8 phông" }).click();
    await admin.getByRole("status").filter({ hasText: "Đã nhập kế hoạch: 8 phông" }).waitFor();
    await admin.locator(".plan-targets").getByText("Huyện Diên Khánh").waitFor();

    // A station; its token is read from the page, as an administrator would copy it.
    await admin.getByRole("link", { name: "Thêm trạm quét" }).click();
    await admin.waitForURL(`**/p/${projectId}/stations`);
    await admin.locator('input[name="name"]').fill("Tổ chỉnh lý 1");
    await admin.getByRole("button", { name: "Thêm trạm" }).click();
    const tokenCode = admin.locator("[data-token]");
    await tokenCode.waitFor();
    const token = (await tokenCode.getAttribute("data-token")) ?? "";
    expect(token).toMatch(/^st_/);
    await admin.locator(".token-once__qr svg").waitFor();
    await screenshot(admin, "admin-station-token");
    // Shown once: after a reload the station is listed and its token is nowhere.
    await admin.reload();
    await admin.locator(".stations-admin").getByText("Tổ chỉnh lý 1").waitFor();
    expect(await admin.locator("[data-token]").count()).toBe(0);
    expect(await admin.content()).not.toContain(token);

    // A leader and a supervisor for the province.
    await admin.getByRole("link", { name: "Người dùng", exact: true }).click();
    await admin.waitForURL("**/users");
    const leaderEmail = `lanhdao-${suffix}@snv.example`;
    const leaderPassword = await createAccount(admin, provinceName, "leader", "Phạm Thị Lãnh Đạo", leaderEmail);
    await createAccount(admin, provinceName, "supervisor", "Lê Văn Giám Sát", `giamsat-${suffix}@snv.example`);
    await admin.locator("tr", { hasText: leaderEmail }).waitFor();
    await admin.close();

    // The leader watches; the scan PC posts with the token; the total moves without a reload.
    const leader = await signIn(browser, leaderEmail, leaderPassword, `/p/${projectId}`);
    const metres = leader.locator("article.kind", { hasText: "Chỉnh lý sơ bộ (m)" }).locator(".kind__actual");
    await expect.poll(async () => (await metres.textContent()) ?? "", { timeout: 15_000 }).toBe("0,00");
    await leader.waitForSelector(".conn--live", { timeout: 15_000 });
    const posted = await postCounter(projectId, token, [{ id: `kh-${suffix}-1`, fonds: "04", kind: "metres", delta: 12.5 }]);
    expect(posted.status).toBe(200);
    await expect.poll(async () => metres.textContent(), { timeout: 5_000 }).toBe("12,50");
    await screenshot(leader, "admin-leader-live");
    await leader.close();
  });
});
