// Webhook contact points: one JSON POST per notifying transition, retried with backoff from the
// Durable Object's alarm, every attempt logged. The receiver can deduplicate on X-Alert-Delivery.
import type { ContactPoint } from "./config";
import type { StoredTransition } from "./store";

export const MAX_ATTEMPTS = 10;
const TIMEOUT_MS = 10_000;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export interface WebhookPayload {
  project: { id: string; name: string };
  rule: { id: string; type: string };
  scope: string;
  from: string;
  to: string;
  at: string;
  values: Record<string, unknown>;
  transitionId: number;
}

export function payloadFor(project: { id: string; name: string }, ruleType: string, t: StoredTransition): WebhookPayload {
  return {
    project,
    rule: { id: t.ruleId, type: ruleType },
    scope: t.scope,
    from: t.from,
    to: t.to,
    at: new Date(t.at).toISOString(),
    values: t.values,
    transitionId: t.id,
  };
}

export interface AttemptResult {
  status: number | null;
  error: string | null;
  ok: boolean;
}

export async function post(cp: ContactPoint, payload: WebhookPayload, deliveryId: string): Promise<AttemptResult> {
  try {
    const res = await fetch(cp.url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", "X-Alert-Delivery": deliveryId },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}`, ok: res.ok };
  } catch (err) {
    return { status: null, error: String(err).slice(0, 300), ok: false };
  }
}
