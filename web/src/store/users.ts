// The people an administrator manages (GET /api/v1/users, worker/routes/users.ts): disable or enable an
// account, reset a forgotten password, revoke a role. The server says per person and role what this admin may do.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";
import { action, type ActionResult } from "./action";

type UsersResponse = InferResponseType<ReturnType<typeof apiClient>["users"]["$get"], 200>;
export type ManagedUser = UsersResponse["users"][number];
export type ManagedRole = ManagedUser["roles"][number];

export function createUsersStore(writeHeaders: () => Record<string, string>) {
  const [users, { refetch }] = createResource(async () => {
    const res = await apiClient().users.$get();
    if (!res.ok) throw new Error(`GET /api/v1/users: ${res.status}`);
    return (await res.json()).users;
  });
  const user = (userId: string) => apiClient().users[":userId"];
  const after = () => void refetch();
  return {
    users: () => valueOf(users),
    error: () => users.error as unknown,
    reload: () => void refetch(),
    setDisabled(userId: string, disabled: boolean): Promise<ActionResult> {
      const target = user(userId);
      const call = disabled ? target.disable : target.enable;
      return action(() => call.$post({ param: { userId } }, { headers: writeHeaders() }), after);
    },
    /** A new password for someone who forgot theirs; the answer holds it, this once. */
    resetPassword(userId: string) {
      return action<{ password: string; sessionsEnded: number }>(() => user(userId)["password-reset"].$post({ param: { userId } }, { headers: writeHeaders() }));
    },
    revoke(userId: string, role: ManagedRole): Promise<ActionResult> {
      const headers = writeHeaders();
      if (role.projectId) {
        const projectId = role.projectId;
        return action(() => apiClient().projects[":projectId"].members[":userId"].$delete({ param: { projectId, userId } }, { headers }), after);
      }
      if (!role.provinceId) return action(() => apiClient().members[":userId"].$delete({ param: { userId } }, { headers }), after);
      const provinceId = role.provinceId;
      return action(() => apiClient().provinces[":provinceId"].members[":userId"].$delete({ param: { provinceId, userId } }, { headers }), after);
    },
  };
}
