// Every API body is JSON. Hono's json validator reads a body of any other Content-Type as `{}`, which
// the schemas' defaults then turn into a valid request: a calendar or report notes sent as text/plain
// were wiped with 200. These two checks make that a 415 instead.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";
import { ApiError } from "./errors";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(";")[0]!.trim().toLowerCase() === "application/json";
}

export function unsupportedMediaType(): ApiError {
  return new ApiError(415, "unsupported_media_type", "Nội dung phải là JSON (Content-Type must be application/json)", { expected: "application/json" });
}

/** For every write under /api (worker/app.ts): a body, if there is one, must be declared JSON. Writes
 * that take no body (rotate a station token, sign out) still work with no body and no Content-Type;
 * a route that needs a body refuses a missing one in worker/lib/validator.ts. */
export const jsonBodiesOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!BODY_METHODS.has(c.req.method)) return next();
  const contentType = c.req.header("Content-Type");
  if (contentType !== undefined) {
    if (!isJsonMediaType(contentType)) throw unsupportedMediaType();
  } else if (c.req.raw.body !== null && (await c.req.arrayBuffer()).byteLength > 0) {
    // Read through Hono's body cache, so a handler can still read it (it will not: this is a 415).
    throw unsupportedMediaType();
  }
  return next();
});
