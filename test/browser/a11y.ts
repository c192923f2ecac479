// Measurements shared by the accessibility tests: axe-core's findings, the page's layout shift and
// whether anything on the wall is cut off. Each runs inside the page, as a user's browser sees it.
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";

const require = createRequire(import.meta.url);

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * A page like browser.ts's newPage, signed in as `email`, that lets playwright inject axe-core: the app's
 * Content-Security-Policy (script-src 'self') rightly refuses inline scripts.
 */
export async function auditPage(browser: Browser, email?: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const { url, accounts } = inject("server");
  const page = await browser.newPage({ viewport, bypassCSP: true });
  await page.routeWebSocket((u) => u.pathname === "/" && u.searchParams.has("token"), (ws) => ws.close());
  await page.goto(`${url}/`);
  const a = accounts.find((x) => x.email === email);
  if (a) {
    await page.fill('input[name="email"]', a.email);
    await page.fill('input[name="password"]', a.password);
    await page.click('button[type="submit"]');
  }
  return page;
}

/** axe rates these moderate, but headings out of order or without an h1 leave a screen reader's user lost. */
const HEADING_RULES = ["heading-order", "page-has-heading-one"];

/** axe-core's violations of impact serious or critical on the page as it is now, and any of its heading rules. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (headingRules) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical" || headingRules.includes(v.id))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`) }));
  }, HEADING_RULES);
}

/** Starts summing layout shifts before the app's first paint (buffered, so none is missed). */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: { value: number; sources: string[] }[] };
    w.__cls = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        const sources = (e.sources ?? []).map((s) => {
          const name = s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${[...s.node.classList].join(".")}` : String(s.node?.nodeName);
          const r = s as unknown as { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
          return `${name} ${Math.round(r.previousRect.y)}→${Math.round(r.currentRect.y)} h${Math.round(r.previousRect.height)}→${Math.round(r.currentRect.height)}`;
        });
        w.__shifts.push({ value: e.value, sources });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout shift summed since the page opened (since its last navigation), with what moved. */
export async function layoutShift(page: Page): Promise<{ cls: number; shifts: { value: number; sources: string[] }[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __cls: number; __shifts: { value: number; sources: string[] }[] };
    return { cls: w.__cls, shifts: w.__shifts };
  });
}

/** Elements matching `selector` that are not wholly inside both their `container` and the viewport. */
export async function clipped(page: Page, selector: string, container: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, container }) => {
      const inside = (r: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
        r.left >= b.left - 0.5 && r.top >= b.top - 0.5 && r.right <= b.right + 0.5 && r.bottom <= b.bottom + 0.5;
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      const out: string[] = [];
      for (const el of document.querySelectorAll(selector)) {
        const box = el.closest(container);
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (!box) {
          out.push(`${el.textContent} (outside ${container})`);
          continue;
        }
        if (!inside(r, box.getBoundingClientRect())) out.push(`${el.textContent} (cut by ${container})`);
        else if (!inside(r, view)) out.push(`${el.textContent} (off screen)`);
      }
      return out;
    },
    { selector, container },
  );
}

/** Alert rules like the demo's (scripts/lib/demo.mjs), so the wall has alerts to show; removed by the returned function. */
export async function withDemoRules(projectId: string): Promise<() => Promise<void>> {
  const { url, adminToken } = inject("server");
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${url}/api/v1/projects/${projectId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ids: string[] = [];
  for (const rule of [
    { type: "behind_schedule", fonds: "*", threshold: 0.05, pendingMinutes: 0 },
    { type: "under_plan", fonds: "*", threshold: 0.02, pendingMinutes: 0 },
  ]) {
    const res = await call("POST", "/alert-rules", rule);
    if (!res.ok) throw new Error(`alert rule: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return async () => {
    for (const id of ids) await call("DELETE", `/alert-rules/${id}`);
  };
}

/**
 * Controls a thumb cannot reliably hit: visible interactive elements whose box (a checkbox's: its label's)
 * is under `min` px either way. A link inside a sentence is exempt, as WCAG's target-size rule exempts it:
 * its height is the line's.
 */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const letters = /\p{L}/u;
    const inSentence = (a: Element) => {
      if (a.tagName !== "A" || getComputedStyle(a).display !== "inline" || !a.parentElement) return false;
      let rest = a.parentElement.textContent ?? "";
      for (const link of a.parentElement.querySelectorAll("a")) rest = rest.replace(link.textContent ?? "", "");
      return letters.test(rest);
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest("label") ?? el) : el;
      const r = target.getBoundingClientRect();
      const s = getComputedStyle(target);
      // Not shown, or shown to screen readers only (1 px, clipped), or off-page until focused (the skip link).
      if (r.width <= 2 || r.height <= 2 || s.visibility === "hidden" || r.bottom < 0 || r.right < 0) continue;
      if (inSentence(el)) continue;
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
        out.push(`${name} "${(el.textContent || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return [...new Set(out)];
  }, min);
}

/** Visible text set under `min` px: each element with its own text, and its size. */
export async function smallText(page: Page, min = 14): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2 || el.closest("script, style, [hidden], .visually-hidden, .skip")) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min - 0.05) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${n.textContent.trim().slice(0, 30)}" ${size.toFixed(1)}px`);
    }
    return [...new Set(out)];
  }, min);
}
