// The typed HTTP client: paths, parameters and response bodies come from the worker's own routes
// (worker/app.ts exports AppType), so a changed route breaks the dashboard's typecheck, not production.
import { hc } from "hono/client";
import type { AppType } from "../../worker/app";

export function apiClient(origin: string = location.origin) {
  return hc<AppType>(origin).api.v1;
}

/** What the views need of an HTTP answer; the typed client's responses and fetch's both have it. */
export interface Answer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** The message of the API's one error shape ({ error: { code, message } }, schema/errors.ts), else the status. */
export async function errorMessage(res: Answer): Promise<string> {
  return errorText(await res.json().catch(() => null), res.status);
}

/** The message of the API's one error shape, or the status when the body has none. */
export function errorText(body: unknown, status: number): string {
  const message = (body as { error?: { message?: unknown } } | null | undefined)?.error?.message;
  return typeof message === "string" ? message : `HTTP ${status}`;
}
