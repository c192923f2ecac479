// The two routes a scan station calls with its token (worker/routes/counters.ts, worker/routes/stations.ts),
// with their answers turned into what the outbox and the entry page act on.
import type { InferResponseType } from "hono/client";
import { fromBaseUnits } from "../../../schema/kinds";
import { apiClient } from "../api";
import type { Entry, SendResult } from "./outbox";

type StationRoute = ReturnType<typeof apiClient>["projects"][":projectId"]["station"]["$get"];
export type StationView = InferResponseType<StationRoute, 200>;

export interface Credentials {
  projectId: string;
  token: string;
}

const auth = (c: Credentials) => ({ headers: { Authorization: `Bearer ${c.token}` } });

export type StationLoad = { ok: true; view: StationView } | { ok: false; reason: "token" | "project" | "network" };

export async function loadStation(c: Credentials): Promise<StationLoad> {
  try {
    const res = await apiClient().projects[":projectId"].station.$get({ param: { projectId: c.projectId } }, auth(c));
    if (res.ok) return { ok: true, view: (await res.json()) as StationView };
    const status = Number(res.status);
    return { ok: false, reason: status === 401 || status === 403 ? "token" : status === 404 || status === 400 ? "project" : "network" };
  } catch {
    return { ok: false, reason: "network" };
  }
}

/** The server's error details, either shape: the batch check's `{ index, message }` (worker/live/validate.ts)
 * or the request validator's `{ path: "events.3.delta", message }` (worker/lib/errors.ts). */
export function reasonsByIndex(details: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as { index?: unknown; path?: unknown; message?: unknown }[]) {
    const message = typeof d?.message === "string" ? d.message : "";
    const index = typeof d?.index === "number" ? d.index : typeof d?.path === "string" ? Number(/^events\.(\d+)\b/.exec(d.path)?.[1] ?? Number.NaN) : Number.NaN;
    if (Number.isInteger(index)) out.set(index, out.has(index) ? `${out.get(index)}; ${message}` : message);
  }
  return out;
}

/** Reads an HTTP answer to POST /counters (separate from the fetch, so it is unit-tested). */
export async function readSendResult(res: Response): Promise<SendResult> {
  if (res.ok) {
    const body = (await res.json()) as { accepted: number; duplicates: number };
    return { type: "ok", accepted: body.accepted, duplicates: body.duplicates };
  }
  if (res.status === 429) {
    const seconds = Number(res.headers.get("Retry-After"));
    return { type: "retry_after", seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5 };
  }
  if (res.status === 401 || res.status === 403) return { type: "unauthorized" };
  if (res.status >= 400 && res.status < 500) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
    // 409 is also an archived project's answer: its entries are refused for that reason, not for their ids.
    const type = res.status === 409 && body?.error?.code !== "archived" ? "conflict" : "invalid";
    return { type, message: body?.error?.message ?? `HTTP ${res.status}`, byIndex: reasonsByIndex(body?.error?.details) };
  }
  return { type: "unavailable" };
}

export async function sendEntries(c: Credentials, entries: readonly Entry[]): Promise<SendResult> {
  // Amounts travel in the kind's unit ("33.6" metres), as an operator would write them (schema/api.ts).
  const events = entries.map((e) => ({ id: e.id, fonds: e.fonds, kind: e.kind, delta: fromBaseUnits(e.amount, e.decimals), at: e.at }));
  let res: Response;
  try {
    res = await fetch(apiClient().projects[":projectId"].counters.$url({ param: { projectId: c.projectId } }), {
      method: "POST",
      headers: { ...auth(c).headers, "Content-Type": "application/json" },
      body: JSON.stringify({ events }),
    });
  } catch {
    return { type: "unavailable" };
  }
  return readSendResult(res);
}
