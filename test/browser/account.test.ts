import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { hasChromium, launch, newPage, screenshot, signedInPage } from "./browser";

/** A person of their own (the demo accounts are shared by the other browser tests, whose passwords must stay). */
async function newLeader(password: string): Promise<string> {
  const { url, adminToken } = inject("server");
  const email = `doi-mat-khau-${crypto.randomUUID().slice(0, 8)}@demo.vn`;
  const headers = { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" };
  const created = await fetch(`${url}/api/v1/users`, { method: "POST", headers, body: JSON.stringify({ email, name: "Hoàng Thị Mai", password }) });
  if (created.status !== 201) throw new Error(`user: ${created.status} ${await created.text()}`);
  const granted = await fetch(`${url}/api/v1/provinces/ha-tinh/members`, { method: "POST", headers, body: JSON.stringify({ email, role: "leader" }) });
  if (!granted.ok) throw new Error(`grant: ${granted.status} ${await granted.text()}`);
  return email;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
}

describe.runIf(hasChromium || process.env.CI)("the account page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("changes the password (errors next to their field), then signing in takes the new one", async () => {
    const oldPassword = "mật-khẩu-cũ-đủ-dài-1";
    const newPassword = "mật-khẩu-mới-đủ-dài-2";
    const email = await newLeader(oldPassword);
    const page = await newPage(browser);
    await page.goto(`${inject("server").url}/`);
    await signIn(page, email, oldPassword);

    await page.getByRole("link", { name: "Tài khoản" }).click();
    await page.waitForURL("**/account");
    await expect.poll(async () => page.locator("h1").textContent()).toBe("Tài khoản của tôi");

    // A confirmation that does not match is said under that field, before anything is sent.
    await page.locator('input[name="currentPassword"]').fill(oldPassword);
    await page.locator('input[name="newPassword"]').fill(newPassword);
    await page.locator('input[name="confirm"]').fill(`${newPassword}x`);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    const confirm = page.locator('input[name="confirm"]');
    await expect.poll(async () => confirm.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#confirm-note").textContent()).toContain("không khớp");

    // A wrong current password comes back from the server, and is shown under the current-password field.
    await page.locator('input[name="currentPassword"]').fill("không-phải-mật-khẩu-này");
    await confirm.fill(newPassword);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(async () => page.locator("#currentPassword-note").textContent()).toContain("không đúng");

    await page.locator('input[name="currentPassword"]').fill(oldPassword);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByRole("status").filter({ hasText: "Đã đổi mật khẩu" }).waitFor();
    await screenshot(page, "account");

    await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    await page.locator('input[name="password"]').waitFor();
    await signIn(page, email, oldPassword);
    await page.getByText("Sai email hoặc mật khẩu.").waitFor();
    await signIn(page, email, newPassword);
    await page.getByRole("link", { name: "Tài khoản" }).waitFor();
    await page.close();
  });

  it("lets a province administrator disable and enable one of the province's people from the users page", async () => {
    const email = await newLeader("mật-khẩu-đủ-dài-3");
    const page = await signedInPage(browser, "quantri@demo.vn", "/");
    await page.getByRole("link", { name: "Người dùng" }).click();
    await page.waitForURL("**/users");
    const row = page.locator("tr", { hasText: email });
    page.on("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Khóa tài khoản" }).click();
    await row.getByText(/Đã khóa từ/).waitFor();
    await screenshot(page, "users");
    await row.getByRole("button", { name: "Mở khóa" }).click();
    await row.getByText("Đang hoạt động").waitFor();
    await page.close();
  });
});
