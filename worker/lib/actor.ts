// Who did something, as records and documents name them: a signed-in user, or the deployment's
// operator token (provisioning scripts), which has no person behind it.
import type { Principal } from "../auth/policy";

export const OPERATOR = { id: "operator", name: "Quản trị hệ thống" } as const;

export function actorOf(p: Principal): { id: string; name: string } {
  return p.kind === "user" ? { id: p.session.user.id, name: p.session.user.name } : OPERATOR;
}
