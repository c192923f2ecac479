// Who did something, as records and documents name them: a signed-in user, or the deployment's
// operator token (provisioning scripts), which has no person behind it.
import type { Principal } from "../auth/policy";

export const OPERATOR = { id: "operator", name: "Quản trị hệ thống" } as const;

/** Who, as the records beside the work name them (who acknowledged, accepted, wrote a report). */
export function actorOf(p: Principal): { id: string; name: string } {
  return p.kind === "user" ? { id: p.session.user.id, name: p.session.user.name } : OPERATOR;
}

/**
 * Who, as the audit log records it (lib/audit.ts): a person's email beside the name, so a search by
 * either finds the entry; a station by its own name; the operator as the token it used.
 */
export function auditActorOf(p: Principal): { actorType: "user" | "operator" | "station"; actorId: string; actorName: string } {
  if (p.kind === "station") return { actorType: "station", actorId: p.station.id, actorName: p.station.name };
  const { id, name } = actorOf(p);
  if (p.kind === "user") return { actorType: "user", actorId: id, actorName: `${name} <${p.session.user.email}>` };
  return { actorType: "operator", actorId: id, actorName: "ADMIN_TOKEN" };
}
