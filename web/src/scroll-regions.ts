// Every table that scrolls sideways (.table-scroll, styles/tables.css) can be reached and scrolled by
// keyboard, and says what it is: on a phone most tables do scroll, and a region only a finger or a mouse
// can move hides columns from keyboard users. DataTable.tsx, FondsTable and StationTable do this
// themselves; this catches the tables written as plain markup (reports, plans, users, stations).

function nameOf(region: Element): string | null {
  const caption = region.querySelector("caption")?.textContent?.trim();
  if (caption) return caption;
  const heading = region.closest("section, article, form")?.querySelector("h1, h2, h3");
  return heading?.textContent?.trim() || null;
}

function mark(doc: Document): void {
  for (const region of doc.querySelectorAll(".table-scroll:not([tabindex])")) {
    region.setAttribute("tabindex", "0");
    const name = nameOf(region);
    if (name) {
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", name);
    }
  }
}

export function reachableScrollRegions(doc: Document = document): void {
  mark(doc);
  new MutationObserver(() => mark(doc)).observe(doc.body, { childList: true, subtree: true });
}
