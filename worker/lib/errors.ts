// One JSON error shape for every 4xx/5xx: { error: { code, message, details? } } (schema/errors.ts).
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { ErrorBody, ErrorCode } from "../../schema/errors";

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** zod issues → [{ path: "events.3.delta", message }] so a client can point at the bad field. */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** `path` always; for an item of a list (a counter batch's events) also its `index` and `field`, the
 * same shape worker/live/validate.ts gives per-event errors, so a client reads one shape. */
export function zodDetails(error: IssueList): { path: string; message: string; index?: number; field?: string }[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join(".");
    const [list, index, field] = i.path;
    return typeof list === "string" && typeof index === "number" ? { path, message: i.message, index, field: field === undefined ? "" : String(field) } : { path, message: i.message };
  });
}

export function validationError(error: IssueList): ApiError {
  return new ApiError(400, "validation_failed", "Dữ liệu không hợp lệ (invalid input)", zodDetails(error));
}

/** app.onError: the only place errors become responses. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  }
  if (err instanceof ZodError) {
    const v = validationError(err);
    return c.json(errorBody(v.code, v.message, v.details), v.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: ErrorCode =
      status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : status === 401 ? "unauthorized" : status === 404 ? "not_found" : "bad_request";
    return c.json(errorBody(code, err.message || "Yêu cầu không hợp lệ (bad request)"), status);
  }
  console.error("unhandled error", err);
  return c.json(errorBody("internal", "Lỗi máy chủ (internal error)"), 500);
}
