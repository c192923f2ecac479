// How every store calls the API: a read that throws the server's message for the view's error state,
// and a write that answers ok or the server's message (empty when offline: the view says so itself).
import { errorMessage, type Answer } from "../api";

export type ActionResult = { ok: true } | { ok: false; message: string };

export async function getJson<T>(call: () => Promise<Answer>): Promise<T> {
  const res = await call();
  if (!res.ok) throw new Error(await errorMessage(res));
  return (await res.json()) as T;
}

/** A write; on success `after` runs (a refetch) and the answer's body comes back. */
export async function action<T = unknown>(call: () => Promise<Answer>, after?: () => void): Promise<(ActionResult & { body?: T }) | { ok: true; body: T }> {
  try {
    const res = await call();
    if (!res.ok) return { ok: false, message: await errorMessage(res) };
    after?.();
    // Some writes answer with no body: the caller then gets none.
    return { ok: true, body: (await res.json().catch(() => undefined)) as T };
  } catch {
    return { ok: false, message: "" };
  }
}
