// Debian's Chromium driven by playwright-core (TOOLCHAIN.md: playwright cannot download browsers here).
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const PROJECT = "hatinh-2026";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * A page as a user's browser has it: no Vite hot-reload socket. That socket is a dev-server aid, and after
 * a server restart Vite's client reloads the page, which would hide whether the dashboard reconnects by
 * itself (restart.test.ts). Refused at once, it is simply absent, as in production.
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.routeWebSocket((url) => url.pathname === "/" && url.searchParams.has("token"), (ws) => ws.close());
  return page;
}

export function account(email: string) {
  const found = inject("server").accounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
}

/** `watch`: listeners to attach before the page opens (its sockets, its requests). */
export async function signedInPage(browser: Browser, email: string, path = "/", viewport = { width: 1280, height: 900 }, watch?: (page: Page) => void): Promise<Page> {
  const { url } = inject("server");
  const a = account(email);
  const page = await newPage(browser, viewport);
  watch?.(page);
  await page.goto(`${url}${path}`);
  await page.fill('input[name="email"]', a.email);
  await page.fill('input[name="password"]', a.password);
  await page.click('button[type="submit"]');
  return page;
}

/** Screenshots are test artifacts (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync("test-artifacts", { recursive: true });
  await page.screenshot({ path: `test-artifacts/${name}.png`, fullPage });
}

export async function postCounter(projectId: string, token: string, events: unknown[]): Promise<Response> {
  return fetch(`${inject("server").url}/api/v1/projects/${projectId}/counters`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ events }),
  });
}

/** A call to the API with the operator token, as a test sets things up; a refusal fails the test. */
export async function operator<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The server's own total of one fonds × kind, read with the operator token (not through the page). */
export async function serverTotal(projectId: string, fonds: string, kind: string): Promise<number> {
  const { url, adminToken } = inject("server");
  const res = await fetch(`${url}/api/v1/projects/${projectId}/snapshot`, { headers: { Authorization: `Bearer ${adminToken}` } });
  if (!res.ok) throw new Error(`snapshot: ${res.status}`);
  const snap = (await res.json()) as { totals: { fonds: string; kind: string; amount: number }[] };
  return snap.totals.filter((t) => t.fonds === fonds && t.kind === kind).reduce((s, t) => s + t.amount, 0);
}

/** Stops or starts the app on its port and state (test/browser/setup.ts). */
export async function server(action: "stop" | "start"): Promise<void> {
  const res = await fetch(`${inject("server").controlUrl}/${action}`, { method: "POST" });
  if (!res.ok) throw new Error(`${action}: ${await res.text()}`);
}

/** "330.345" → 330345 (Vietnamese thousands). */
export function viNumber(text: string | null): number {
  return Number((text ?? "").replace(/\./g, "").replace(",", "."));
}
