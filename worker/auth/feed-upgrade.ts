// What every live feed's WebSocket upgrade must pass before it reaches a Durable Object.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { ApiError } from "../lib/errors";

/**
 * An upgrade at all; and, for a cookie, from the dashboard's own pages: a cookie rides along on any
 * page's WebSocket to us (browsers do not apply SameSite to another origin of the same site, nor CORS
 * to upgrades), which would let another site's page read a supervisor's feed.
 */
export function checkFeedUpgrade(c: Context<AppEnv>): void {
  if (c.req.header("Upgrade") !== "websocket") throw new ApiError(426 as 400, "bad_request", "Cần nâng cấp WebSocket (WebSocket upgrade required)");
  const p = c.var.principal;
  const byCookie = p.kind === "user" || (p.kind === "display" && !c.req.header("Authorization"));
  if (byCookie && c.req.header("Origin") !== new URL(c.req.url).origin) {
    throw new ApiError(403, "forbidden", "Sai nguồn gốc yêu cầu (cross-origin live feed)");
  }
}
