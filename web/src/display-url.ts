// The wall URL's display token (worker/routes/displays.ts). Pure. The admin screen gives
// `/wall#display=dt_…`: a fragment is never sent to the server nor in a Referer, so the token stays out
// of access logs; `?display=` is read too, for a URL typed or shortened by hand. Either way the page
// takes it out of the address at once (README "Design notes").

const PARAM = "display";

export function wallUrl(origin: string, token: string): string {
  return `${origin}/wall#${PARAM}=${encodeURIComponent(token)}`;
}

/** The token in a wall address, from its fragment or its query. */
export function tokenInUrl(url: URL): string | null {
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, "")).get(PARAM);
  return fromHash || url.searchParams.get(PARAM) || null;
}

/** The same address without the token: path, the other query parameters (the wall's `every`), no fragment. */
export function withoutToken(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete(PARAM);
  const rest = new URLSearchParams(url.hash.replace(/^#/, ""));
  rest.delete(PARAM);
  const query = search.toString();
  const hash = rest.toString();
  return `${url.pathname}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}
