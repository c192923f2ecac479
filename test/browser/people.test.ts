// The people an administrator manages, walked in the dashboard on the demo server: a role granted and
// revoked (the revoked person's open page loses its feed), a forgotten password reset and shown once,
// signing out everywhere, and a province renamed. Each test opens accounts of its own through the users
// page, so the demo accounts the other tests sign in with are left alone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAccount, createProvince, grantRole, openUsers, signIn } from "./admin-steps";
import { hasChromium, launch, PROJECT, screenshot, signedInPage } from "./browser";

const PROJECT_NAME = "Số hóa tài liệu tại Trung tâm Lưu trữ lịch sử tỉnh năm 2026"; // hatinh-2026 (scripts/lib/demo.mjs)

/** The demo province administrator (Hà Tĩnh and Khánh Hòa) on the users page, accepting confirmations. */
async function provinceAdmin(browser: Browser): Promise<Page> {
  const page = await signedInPage(browser, "quantri@demo.vn", "/");
  page.on("dialog", (d) => void d.accept());
  await openUsers(page);
  return page;
}

const email = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@snv.example`;

/** The page's feed is live now, and then is not: closed by the server and refused when it comes back. */
async function feedLost(page: Page): Promise<void> {
  await expect.poll(async () => page.locator(".conn--live").count(), { timeout: 10_000 }).toBe(0);
  // Still not live a moment later: the reconnect was refused, not merely made.
  await page.waitForTimeout(1500);
  expect(await page.locator(".conn--live").count()).toBe(0);
}

describe.runIf(hasChromium || process.env.CI)("people in the dashboard", () => {
  let browser: Browser;
  const url = () => inject("server").url;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("grants a role on a project, which opens it to its holder; revoking it ends the holder's open feed", async () => {
    const admin = await provinceAdmin(browser);
    const who = email("vaitro");
    const password = await createAccount(admin, "Khánh Hòa", "leader", "Võ Thị Thu", who);

    // A leader of another province does not see the Hà Tĩnh project…
    const person = await signIn(browser, url(), who, password, `/p/${PROJECT}`);
    await person.getByText("Không tìm thấy dự án này, hoặc tài khoản không có quyền xem.").waitFor();

    // …until granted a role on it.
    await grantRole(admin, who, `Hà Tĩnh › ${PROJECT_NAME}`, "leader");
    const row = admin.locator("tr", { hasText: who });
    const projectRole = row.locator("li", { hasText: PROJECT_NAME });
    await projectRole.waitFor();
    await person.reload();
    await person.waitForSelector(".conn--live", { timeout: 15_000 });
    await screenshot(admin, "people-granted");

    // Revoked: the open page loses its feed at once, and the project is gone from the account.
    await projectRole.getByRole("button", { name: "Thu hồi" }).click();
    await expect.poll(async () => projectRole.count()).toBe(0);
    await feedLost(person);
    await person.reload();
    await person.getByText("Không tìm thấy dự án này, hoặc tài khoản không có quyền xem.").waitFor();
    // The role in the person's own province is untouched.
    expect(await row.locator("li", { hasText: "Khánh Hòa" }).count()).toBe(1);
    await Promise.all([admin.close(), person.close()]);
  });

  it("resets a forgotten password: the new one is shown once with a copy button, the old one and the open page's session end", async () => {
    const admin = await provinceAdmin(browser);
    const who = email("quenmatkhau");
    const oldPassword = await createAccount(admin, "Hà Tĩnh", "leader", "Đặng Văn Quên", who);
    const person = await signIn(browser, url(), who, oldPassword, `/p/${PROJECT}`);
    await person.waitForSelector(".conn--live", { timeout: 15_000 });

    await admin.locator("tr", { hasText: who }).getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    const shown = admin.getByRole("status").filter({ hasText: "Mật khẩu mới của Đặng Văn Quên" });
    await shown.waitFor();
    const newPassword = (await shown.locator("[data-password]").getAttribute("data-password")) ?? "";
    expect(newPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    expect(newPassword).not.toBe(oldPassword);
    await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: url() });
    await shown.getByRole("button", { name: "Sao chép mật khẩu" }).click();
    await shown.getByText("Đã sao chép.").waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(newPassword);
    await screenshot(admin, "people-password-reset");
    // Shown once: a reload of the users page has it nowhere.
    await admin.reload();
    await admin.locator("tr", { hasText: who }).waitFor();
    expect(await admin.content()).not.toContain(newPassword);

    // The person's open page lost its session: its feed ends, and a reload asks to sign in.
    await feedLost(person);
    await person.reload();
    await person.locator('input[name="password"]').waitFor();
    await person.fill('input[name="email"]', who);
    await person.fill('input[name="password"]', oldPassword);
    await person.click('button[type="submit"]');
    await person.getByText("Sai email hoặc mật khẩu.").waitFor();
    await person.fill('input[name="password"]', newPassword);
    await person.click('button[type="submit"]');
    await person.waitForSelector(".conn--live", { timeout: 15_000 });
    await Promise.all([admin.close(), person.close()]);
  });

  it("signs out everywhere: the other device's page loses its feed and its session", async () => {
    const admin = await provinceAdmin(browser);
    const who = email("moinoi");
    const password = await createAccount(admin, "Hà Tĩnh", "leader", "Bùi Thị Hai Máy", who);
    await admin.close();
    const desk = await signIn(browser, url(), who, password, `/p/${PROJECT}`);
    await desk.waitForSelector(".conn--live", { timeout: 15_000 });
    const phone = await signIn(browser, url(), who, password, "/");

    await phone.getByRole("link", { name: "Tài khoản" }).click();
    await phone.waitForURL("**/account");
    await phone.getByRole("button", { name: "Đăng xuất trên mọi thiết bị" }).click();
    await phone.locator('input[name="password"]').waitFor();

    await feedLost(desk);
    await desk.reload();
    await desk.locator('input[name="password"]').waitFor();
    await Promise.all([desk.close(), phone.close()]);
  });

  it("lets a system administrator rename a province, keeping its code", async () => {
    const suffix = crypto.randomUUID().slice(0, 6);
    const system = await signedInPage(browser, "hethong@demo.vn", "/");
    await system.getByRole("button", { name: "Đăng xuất", exact: true }).waitFor();
    await createProvince(system, `Tỉnh thử ${suffix}`);
    await system.getByRole("button", { name: `Đổi tên tỉnh Tỉnh thử ${suffix}` }).click();
    const form = system.getByRole("form", { name: `Đổi tên tỉnh Tỉnh thử ${suffix}` });
    await form.locator('input[name="name"]').fill("");
    await form.getByRole("button", { name: "Đổi tên" }).click();
    // An empty name is refused beside the field, and nothing changes.
    await expect.poll(async () => form.locator('input[name="name"]').getAttribute("aria-invalid")).toBe("true");
    await form.locator('input[name="name"]').fill(`Tỉnh mới ${suffix}`);
    await form.getByRole("button", { name: "Đổi tên" }).click();
    await system.getByRole("heading", { name: `Tỉnh mới ${suffix}` }).waitFor();
    await system.reload();
    await system.getByRole("heading", { name: `Tỉnh mới ${suffix}` }).waitFor();
    expect(await system.getByRole("heading", { name: `Tỉnh thử ${suffix}` }).count()).toBe(0);
    // Its code stays: the section still leads to the province's own pages under the code it was made with.
    const section = system.locator("section", { has: system.getByRole("heading", { name: `Tỉnh mới ${suffix}` }) });
    expect(await section.locator(`a[href="/admin/tinh-thu-${suffix}/audit"]`).count()).toBe(1);
    await system.close();
  });
});
