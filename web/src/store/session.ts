// Who is signed in (GET /api/v1/me) and sign-in / sign-out (worker/routes/auth.ts). The session is an
// HttpOnly cookie, which the same-origin WebSocket of the live feed carries too.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";
import { action } from "./action";

export type Me = InferResponseType<ReturnType<typeof apiClient>["me"]["$get"]>;
export type SignInResult = { ok: true } | { ok: false; reason: "wrong" | "tooMany" | "failed" };
/** A refused change names the field at fault when the server did (its error details), so the form shows it there. */
export type PasswordResult = { ok: true; otherSessionsEnded: number } | { ok: false; field: "currentPassword" | "newPassword" | null; message: string };

/** `enabled`: false while the page may be a wall screen on a display token (store/display.ts), which has no person. */
export function createSession(enabled: () => boolean = () => true) {
  const [me, { refetch, mutate }] = createResource(enabled, async (): Promise<Me | null> => {
    const res = await apiClient().me.$get();
    if (Number(res.status) === 401) return null;
    if (!res.ok) throw new Error(`GET /api/v1/me: ${res.status}`);
    return await res.json();
  });

  async function signIn(email: string, password: string): Promise<SignInResult> {
    const r = await action(() => apiClient().auth.login.$post({ json: { email, password } }));
    if (!r.ok) return { ok: false, reason: r.status === 401 ? "wrong" : r.status === 429 ? "tooMany" : "failed" };
    await refetch();
    return { ok: true };
  }

  async function signOut(): Promise<void> {
    // The cookie is cleared by the server; a failed request still leaves this page signed out.
    await action(() => apiClient().auth.logout.$post(undefined, { headers: writeHeaders() }));
    mutate(null);
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<PasswordResult> {
    const r = await action<{ otherSessionsEnded: number }>(() => apiClient().me.password.$post({ json: { currentPassword, newPassword } }, { headers: writeHeaders() }));
    if (r.ok) return { ok: true, otherSessionsEnded: r.body.otherSessionsEnded };
    const detail = (r.error as { error?: { details?: { path?: string; message?: string }[] } } | undefined)?.error?.details?.[0];
    const field = detail?.path === "currentPassword" || detail?.path === "newPassword" ? detail.path : null;
    return { ok: false, field, message: detail?.message ?? r.message };
  }

  /** Ends this user's sessions on every device, this one included. */
  async function signOutEverywhere(): Promise<boolean> {
    const r = await action(() => apiClient().auth["logout-all"].$post(undefined, { headers: writeHeaders() }));
    if (r.ok) mutate(null);
    return r.ok;
  }

  /** The signed-in user, null when signed out, undefined while unknown. */
  const current = () => valueOf(me);
  /** Cookie-authenticated writes prove they come from this page (worker/auth/middleware.ts). */
  const writeHeaders = (): Record<string, string> => {
    const csrf = current()?.csrfToken;
    return csrf ? { "X-CSRF-Token": csrf } : {};
  };
  return { me: current, error: () => me.error as unknown, refetch, signIn, signOut, changePassword, signOutEverywhere, writeHeaders };
}
