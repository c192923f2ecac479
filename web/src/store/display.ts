// A wall screen that runs on a display token (worker/routes/displays.ts) instead of a person's session:
// the wall page trades the token in its address for an HttpOnly cookie, takes the token out of the
// address, and learns which projects it shows. Only /wall asks; every other page is a person's.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { tokenInUrl, withoutToken } from "../display-url";
import { valueOf } from "../resource";
import { navigate } from "../router";

export type DisplayInfo = InferResponseType<ReturnType<typeof apiClient>["display"]["$get"], 200>;

export function createDisplay() {
  const [info, { refetch }] = createResource(async (): Promise<DisplayInfo | null> => {
    if (location.pathname !== "/wall") return null;
    const token = tokenInUrl(new URL(location.href));
    if (token) {
      // Out of the address bar, the bookmarks and screenshots before anything else happens.
      navigate(withoutToken(new URL(location.href)), { replace: true });
      await apiClient().display.session.$post({ json: { token } });
    }
    const res = await apiClient().display.$get();
    // 401: no (or a revoked) display cookie; 403: a person's session, which the wall then uses.
    if (Number(res.status) === 401 || Number(res.status) === 403) return null;
    if (!res.ok) throw new Error(`GET /api/v1/display: ${res.status}`);
    return await res.json();
  });
  return {
    /** This page's display, null for a person's page, undefined while unknown. */
    info: () => valueOf(info),
    error: () => info.error as unknown,
    refetch,
  };
}
