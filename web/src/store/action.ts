// How every store calls the API: a read that throws the server's message for the view's error state,
// and a write that answers ok (with the answer's body) or why not. The setup forms place a refusal's
// details by field on top of it (components/admin/send.ts).
import { errorMessage, errorText, type Answer } from "../api";

export type ActionFailure = {
  ok: false;
  /** The server's message; empty when the request never reached it (the view says "offline" itself). */
  message: string;
  /** Absent when the request never reached the server. */
  status?: number;
  /** The refusal's body: the API's one error shape (schema/errors.ts), for whoever shows its details. */
  error?: unknown;
};

export type ActionResult = { ok: true } | ActionFailure;

export async function getJson<T>(call: () => Promise<Answer>): Promise<T> {
  const res = await call();
  if (!res.ok) throw new Error(await errorMessage(res));
  return (await res.json()) as T;
}

/** A write; on success `after` runs (a refetch) and the answer's body comes back (none for a write that answers with no body). */
export async function action<T = unknown>(call: () => Promise<Answer>, after?: () => unknown): Promise<{ ok: true; body: T } | ActionFailure> {
  let res: Answer;
  try {
    res = await call();
  } catch {
    return { ok: false, message: "" };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) return { ok: false, message: errorText(body, res.status), status: res.status, error: body };
  after?.();
  return { ok: true, body: body as T };
}
