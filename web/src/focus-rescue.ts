// Keeps keyboard focus from falling to the document when what had it disappears: a button that opens a
// form in its place (the alert's "Acknowledge"), a form that closes, a list row re-drawn by live data.
// Focus goes to the nearest part of the page still there: its first control (the form just opened, or the
// button back after a form closes), else that part itself. Without this, the next Tab starts again at
// the top of the page, 30 stops away.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Place {
  readonly isConnected: boolean;
  querySelector(selector: string): unknown;
}

/** Pure: among the ancestors a focused element had (nearest first), where focus should go once it is
 * removed: the first control inside the nearest one still in the page, or the nearest focusable one. */
export function rescueTarget<T extends Place>(ancestors: readonly T[], focusable: (el: T) => boolean): { el: T; inside: boolean } | null {
  for (const a of ancestors) {
    if (!a.isConnected) continue;
    if (a.querySelector(FOCUSABLE)) return { el: a, inside: true };
    if (focusable(a)) return { el: a, inside: false };
  }
  return null;
}

/** Watches the page for removals (Chromium fires no focusout when the focused element is removed). The
 * observer's callback is a microtask: focus moves before the next frame is painted. */
export function keepFocusInPage(doc: Document = document): void {
  let lost: Element | null = null;
  let chain: Element[] = [];
  doc.addEventListener("focusin", (e) => {
    lost = e.target as Element;
    chain = [];
    for (let el = lost.parentElement; el && el !== doc.body; el = el.parentElement) chain.push(el);
  });
  new MutationObserver(() => {
    if (!lost || lost.isConnected || (doc.activeElement && doc.activeElement !== doc.body)) return;
    const found = rescueTarget(chain, (a) => a instanceof HTMLElement && a.hasAttribute("tabindex"));
    lost = null;
    if (!found) return;
    const target = found.inside ? (found.el.querySelector(FOCUSABLE) as HTMLElement) : (found.el as HTMLElement);
    target.focus({ preventScroll: true });
  }).observe(doc.body, { childList: true, subtree: true });
}

/** A link to a part of a page (`#alerts`) takes focus there, not just the scroll: the part may appear
 * only once the view's data has arrived, so it is waited for (a few seconds at most). */
export function focusWhenShown(id: string, doc: Document = document, waitMs = 10_000): void {
  const go = (): boolean => {
    const el = doc.getElementById(id);
    if (!el) return false;
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "start" });
    return true;
  };
  if (go()) return;
  const watch = new MutationObserver(() => go() && watch.disconnect());
  watch.observe(doc.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), waitMs);
}
