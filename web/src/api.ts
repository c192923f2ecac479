// The typed HTTP client: paths, parameters and response bodies come from the worker's own routes
// (worker/app.ts exports AppType), so a changed route breaks the dashboard's typecheck, not production.
import { hc } from "hono/client";
import type { AppType } from "../../worker/app";

export function apiClient(origin: string = location.origin) {
  return hc<AppType>(origin).api.v1;
}
