// How the agent reads the server's answer to a batch (README "The station counter API"), and how long it
// waits before the next try. Pure, so the rules are tested without a network (test/unit/agent-rules.test.ts).

export type Answer =
  | { type: "ok"; accepted: number; duplicates: number }
  /** 400 or 409: the named events are refused for good (index → reason); the rest of the batch may go again. */
  | { type: "refused"; status: number; message: string; byIndex: ReadonlyMap<number, string> }
  /** 401, 403, 404: the token or the project, not the events; nothing can go until the config is fixed. */
  | { type: "unauthorized"; status: number; message: string }
  | { type: "retry_after"; seconds: number }
  /** Network down, timeout, 5xx: try again later. */
  | { type: "unavailable"; message: string };

export const BACKOFF_START_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

interface ErrorBody {
  error?: { message?: string; details?: { index?: number; message?: string }[] };
}

export function readAnswer(status: number, body: unknown, retryAfter: string | null): Answer {
  const error = (body as ErrorBody | null)?.error;
  const message = error?.message ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) {
    const b = body as { accepted?: number; duplicates?: number } | null;
    return { type: "ok", accepted: b?.accepted ?? 0, duplicates: b?.duplicates ?? 0 };
  }
  if (status === 429) return { type: "retry_after", seconds: retryAfterSeconds(retryAfter) };
  if (status === 401 || status === 403 || status === 404) return { type: "unauthorized", status, message };
  if (status >= 500 || status === 408) return { type: "unavailable", message };
  const byIndex = new Map<number, string>();
  for (const d of error?.details ?? []) if (typeof d.index === "number") byIndex.set(d.index, d.message ?? message);
  return { type: "refused", status, message, byIndex };
}

/** Retry-After in seconds or as an HTTP date; a missing or odd value waits a second, never zero. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number {
  if (value === null) return 1;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(3600, Math.max(1, Math.ceil(seconds)));
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1 : Math.min(3600, Math.max(1, Math.ceil((date - now) / 1000)));
}

/** Exponential backoff with jitter: between half and all of 1 s × 2^failures, capped at 5 minutes. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.min(failures, 20));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Which events of a refused batch are refused: those the server named, or the whole batch when it named
 * none that exist (else the same batch would be sent forever).
 */
export function refusedIndexes(batchSize: number, byIndex: ReadonlyMap<number, string>): number[] {
  const named = [...byIndex.keys()].filter((i) => Number.isInteger(i) && i >= 0 && i < batchSize);
  return named.length > 0 ? named : Array.from({ length: batchSize }, (_, i) => i);
}
