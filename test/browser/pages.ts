// Every page of the dashboard, one or more cases per route of web/src/router.ts: the accessibility tests
// walk them all. Keyed by the router's own route names, so a new route without a case here fails the
// type check, and `pagesTest` checks at run time that each address opens the route it is filed under.
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { matchRoute, type Route } from "../../web/src/router";
import { auditPage } from "./a11y";
import { PROJECT, account, operator } from "./browser";

export const PROVINCE = "ha-tinh";

/** Who opens a page: an administrator of both demo provinces, the system administrator (pages of every
 * province), a scan station by its token, a wall screen by its display code, or nobody (the sign-in and
 * token forms). */
export type Visitor = "admin" | "system" | "station" | "display" | "nobody";

export interface PageCase {
  /** The address; a function when it needs something made first (a report, a display code). */
  path: string | (() => Promise<string>);
  /** What shows the page has finished loading. */
  ready: string;
  as?: Visitor;
  /** Why this case is here when a route has more than one. */
  note?: string;
}

let report: Promise<string> | undefined;
let display: Promise<string> | undefined;

export const PAGES = {
  overview: [
    { path: "/", ready: "article.card .krow" },
    { path: "/", ready: 'input[name="email"]', as: "nobody", note: "sign-in" },
  ],
  project: [{ path: `/p/${PROJECT}`, ready: ".fonds__table tbody tr" }],
  fonds: [{ path: `/p/${PROJECT}/fonds/21`, ready: "article.kind" }],
  station: [{ path: () => Promise.resolve(`/p/${PROJECT}/station/${inject("server").stations[PROJECT]![0]!.id}`), ready: "canvas" }],
  rules: [{ path: `/p/${PROJECT}/rules`, ready: "form" }],
  alertHistory: [{ path: `/p/${PROJECT}/alerts`, ready: ".timeline, .view p.empty" }],
  reports: [{ path: `/p/${PROJECT}/reports`, ready: "form" }],
  report: [
    {
      path: () => {
        report ??= operator("POST", `/projects/${PROJECT}/reports`, { from: "2026-01-01", to: "2026-02-01" }).then((r) => `/p/${PROJECT}/reports/${(r as { id: string }).id}`);
        return report;
      },
      ready: ".report-table tbody tr",
    },
  ],
  inspections: [{ path: `/p/${PROJECT}/inspections`, ready: "form" }],
  entry: [
    { path: `/station?project=${PROJECT}`, ready: 'input[name="token"]', as: "nobody", note: "the token form" },
    { path: `/station?project=${PROJECT}`, ready: 'select[name="fonds"]', as: "station", note: "the entry form" },
  ],
  wall: [
    { path: "/wall?every=600", ready: ".wall__kind" },
    {
      path: () => {
        display ??= operator("POST", `/projects/${PROJECT}/displays`, { name: "Phòng họp kiểm thử" }).then((d) => `/wall#display=${(d as { token: string }).token}`);
        return display;
      },
      ready: ".wall__kind",
      as: "display",
      note: "on a display code",
    },
  ],
  account: [{ path: "/account", ready: "form" }],
  users: [{ path: "/users", ready: "form" }],
  admin: [{ path: "/admin", ready: ".view h2" }],
  newProject: [{ path: `/admin/${PROVINCE}/new`, ready: "form" }],
  setup: [{ path: `/p/${PROJECT}/setup`, ready: "form" }],
  plan: [{ path: `/p/${PROJECT}/plan`, ready: "textarea, input" }],
  stations: [{ path: `/p/${PROJECT}/stations`, ready: "form" }],
  displays: [{ path: `/p/${PROJECT}/displays`, ready: "form" }],
  provinceDisplays: [{ path: `/admin/${PROVINCE}/displays`, ready: "form" }],
  audit: [{ path: `/admin/${PROVINCE}/audit`, ready: "table tbody tr" }],
  projectAudit: [{ path: `/p/${PROJECT}/audit`, ready: ".audit-log, .empty" }],
  systemAudit: [{ path: "/admin/audit", ready: "table tbody tr", as: "system" }],
  notFound: [{ path: "/khong-co-trang-nay", ready: ".notice--error" }],
} satisfies Record<Route["name"], PageCase[]>;

/** Every case with the route it is filed under, in the router's order. */
export const ALL_PAGES: (PageCase & { route: Route["name"] })[] = Object.entries(PAGES).flatMap(([route, cases]) =>
  (cases as PageCase[]).map((c) => ({ ...c, route: route as Route["name"] })),
);

export const caseName = (c: PageCase & { route: string }) => `${c.route}${c.note ? ` (${c.note})` : ""}`;

export const pathOfCase = async (c: PageCase): Promise<string> => (typeof c.path === "string" ? c.path : c.path());

/** The route an address opens, as the dashboard's router reads it. */
export function routeOfPath(path: string): Route["name"] {
  const u = new URL(path, "http://x");
  return matchRoute(u.pathname, u.search).name;
}

/**
 * A page (axe-ready, see auditPage) as `as` sees the dashboard, at `viewport`. Administrators and nobody
 * share one page per viewport across cases; a station and a display each get their own.
 */
export async function visitorPage(browser: Browser, as: Visitor, viewport: { width: number; height: number }): Promise<Page> {
  if (as === "admin" || as === "system") {
    const page = await auditPage(browser, account(as === "admin" ? "quantri@demo.vn" : "hethong@demo.vn").email, viewport);
    await page.locator(as === "admin" ? "article.card" : "h1").first().waitFor({ timeout: 15_000 });
    return page;
  }
  return auditPage(browser, undefined, viewport);
}

/** Opens a case on a page of its visitor and waits until it has loaded. */
export async function openCase(page: Page, c: PageCase): Promise<void> {
  const { url, stations } = inject("server");
  await page.goto(`${url}${await pathOfCase(c)}`);
  if (c.as === "station") {
    await page.fill('input[name="token"]', stations[PROJECT]![0]!.token);
    await page.click('button[type="submit"]');
  }
  await page.locator(c.ready).first().waitFor({ timeout: 15_000 });
}
