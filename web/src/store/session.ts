// Who is signed in (GET /api/v1/me) and sign-in / sign-out (worker/routes/auth.ts). The session is an
// HttpOnly cookie, which the same-origin WebSocket of the live feed carries too.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";

export type Me = InferResponseType<ReturnType<typeof apiClient>["me"]["$get"]>;
export type SignInResult = { ok: true } | { ok: false; reason: "wrong" | "tooMany" | "failed" };

export function createSession() {
  const [me, { refetch, mutate }] = createResource(async (): Promise<Me | null> => {
    const res = await apiClient().me.$get();
    if (Number(res.status) === 401) return null;
    if (!res.ok) throw new Error(`GET /api/v1/me: ${res.status}`);
    return await res.json();
  });

  async function signIn(email: string, password: string): Promise<SignInResult> {
    try {
      const res = await apiClient().auth.login.$post({ json: { email, password } });
      if (!res.ok) return { ok: false, reason: Number(res.status) === 401 ? "wrong" : Number(res.status) === 429 ? "tooMany" : "failed" };
    } catch {
      return { ok: false, reason: "failed" };
    }
    await refetch();
    return { ok: true };
  }

  async function signOut(): Promise<void> {
    // The cookie is cleared by the server; a failed request still leaves this page signed out.
    await apiClient()
      .auth.logout.$post(undefined, { headers: writeHeaders() })
      .catch(() => undefined);
    mutate(null);
  }

  /** The signed-in user, null when signed out, undefined while unknown. */
  const current = () => valueOf(me);
  /** Cookie-authenticated writes prove they come from this page (worker/auth/middleware.ts). */
  const writeHeaders = (): Record<string, string> => {
    const csrf = current()?.csrfToken;
    return csrf ? { "X-CSRF-Token": csrf } : {};
  };
  return { me: current, error: () => me.error as unknown, refetch, signIn, signOut, writeHeaders };
}
