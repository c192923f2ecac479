// The one JSON error shape of the API: { error: { code, message, details? } } (worker/lib/errors.ts throws it).
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  /** A write to an archived project, which is read-only (409). */
  | "archived"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
