// The steps an administrator takes in the dashboard to set a province up, as they would take them:
// shared by the first start from an empty system (admin-setup.test.ts) and the people tests on the
// demo server (people.test.ts). Each takes the server's address, so it works on either.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { newPage } from "./browser";

export type Role = "admin" | "supervisor" | "leader";

/** A new browser (its own cookies) signed in through the sign-in form. */
export async function signIn(browser: Browser, url: string, email: string, password: string, path = "/"): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${url}${path}`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).waitFor();
  return page;
}

/** The users page, from the top bar. */
export async function openUsers(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Người dùng", exact: true }).click();
  await page.waitForURL("**/users");
}

/** A new province on Quản trị (system administrators); its code is made from its name. */
export async function createProvince(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name: "Quản trị" }).click();
  await page.waitForURL("**/admin");
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole("button", { name: "Tạo tỉnh" }).click();
  await page.getByRole("status").filter({ hasText: "Đã tạo tỉnh" }).waitFor();
  await page.getByRole("heading", { name }).waitFor();
}

/** Creates an account on the users page; returns the initial password the page shows once. */
export async function createAccount(page: Page, province: string, role: Role, name: string, email: string): Promise<string> {
  const form = page.locator("form", { has: page.locator('select[name="province"]') });
  await form.locator('select[name="province"]').selectOption({ label: province });
  await form.locator('select[name="role"]').selectOption(role);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  const shown = page.getByRole("status").filter({ hasText: email });
  await expect.poll(async () => shown.count()).toBe(1);
  return (await shown.locator("[data-password]").getAttribute("data-password")) ?? "";
}

/** Grants an existing account a role on a scope as the grant form lists it ("Toàn tỉnh Hà Tĩnh", "Hà Tĩnh › …"). */
export async function grantRole(page: Page, email: string, scope: string, role: Role): Promise<void> {
  const form = page.locator("form", { has: page.locator('select[name="scope"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('select[name="scope"]').selectOption({ label: scope });
  await form.locator('select[name="role"]').selectOption(role);
  await form.getByRole("button", { name: "Cấp vai trò" }).click();
  await form.getByRole("status").filter({ hasText: "Đã cấp vai trò." }).waitFor();
}

export async function pasteAndPreview(page: Page, table: string): Promise<void> {
  await page.locator('textarea[name="table"]').fill(table);
  await page.getByRole("button", { name: "Xem trước" }).click();
}

/** A new project from the province's section on Quản trị; ends on its plan page. */
export async function createProject(page: Page, project: { id: string; name: string; legalBasis: string; start: string; end: string }): Promise<void> {
  await page.getByRole("link", { name: "Quản trị" }).click();
  await page.getByRole("link", { name: "Tạo dự án" }).click();
  await page.waitForURL("**/new");
  await page.locator('input[name="name"]').fill(project.name);
  await page.locator('input[name="id"]').fill(project.id);
  await page.locator('input[name="legalBasis"]').fill(project.legalBasis);
  await page.locator('input[name="periodStart"]').fill(project.start);
  await page.locator('input[name="periodEnd"]').fill(project.end);
  await page.getByRole("button", { name: "Tạo dự án" }).click();
}

/** Adds a station on the project's stations page; returns its token as the administrator copies it with
 * the page's copy button (read back from the clipboard), checked against the token the page shows. */
export async function addStation(page: Page, url: string, name: string): Promise<string> {
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole("button", { name: "Thêm trạm" }).click();
  const shown = page.locator("[data-token]");
  await shown.waitFor();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  await page.getByRole("button", { name: "Sao chép mã" }).click();
  await page.getByText("Đã sao chép.").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await shown.getAttribute("data-token"));
  return copied;
}

/** What the scan PC does with the token: the one API call a setup test makes. */
export function postCounter(url: string, projectId: string, token: string, events: unknown[]): Promise<Response> {
  return fetch(`${url}/api/v1/projects/${projectId}/counters`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ events }),
  });
}
