// Debian's Chromium driven by playwright-core (TOOLCHAIN.md: playwright cannot download browsers here).
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export async function signedInPage(browser: Browser, email: string, path = "/"): Promise<Page> {
  const { url, accounts } = inject("server");
  const account = accounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}${path}`);
  await page.fill('input[name="email"]', account.email);
  await page.fill('input[name="password"]', account.password);
  await page.click('button[type="submit"]');
  return page;
}

/** Screenshots are test artifacts (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("test-artifacts", { recursive: true });
  await page.screenshot({ path: `test-artifacts/${name}.png`, fullPage: true });
}

export async function postCounter(projectId: string, token: string, events: unknown[]): Promise<Response> {
  return fetch(`${inject("server").url}/api/v1/projects/${projectId}/counters`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ events }),
  });
}
