// One message per alert group (rule) per contact point: what the webhook receives as JSON and what the
// e-mail, Telegram and Zalo templates put in words (message-text.ts). Pure.
import { compareScopes } from "../../schema/alert-scope";
import type { AlertValues } from "./lifecycle";

export interface MessageAlert {
  scope: string;
  state: "firing" | "resolved";
  /** When it entered that state. */
  at: string;
  values: Record<string, unknown>;
}

export interface GroupMessage {
  project: { id: string; name: string };
  rule: { id: string; type: string };
  /** "firing" while one alert of the group is; "resolved" when the message only says they ended. */
  status: "firing" | "resolved";
  kind: "notify" | "repeat" | "test";
  alerts: MessageAlert[];
  /** The same for every attempt at one message, so a receiver can deduplicate. */
  deliveryId: string;
}

export interface GroupSource {
  /** Transitions queued for this contact point and group, oldest first. */
  queued: readonly { id: number; scope: string; to: string; at: number; values: AlertValues }[];
  /** The group's instances firing now and not silenced. */
  firing: readonly { scope: string; since: number; values: AlertValues }[];
}

/**
 * The alerts a message lists: each scope once, in its latest queued state, plus every other alert of the
 * group still firing (as Alertmanager sends the whole group); scopes in natural fonds order.
 */
export function messageAlerts(src: GroupSource): MessageAlert[] {
  const byScope = new Map<string, MessageAlert>();
  for (const f of src.firing) byScope.set(f.scope, { scope: f.scope, state: "firing", at: new Date(f.since).toISOString(), values: f.values });
  for (const t of src.queued) {
    if (t.to !== "firing" && t.to !== "resolved") continue;
    // A firing transition of an alert now silenced or resolved is said in its latest state only.
    if (t.to === "firing" && !src.firing.some((f) => f.scope === t.scope) && src.queued.some((u) => u.scope === t.scope && u.id > t.id)) continue;
    byScope.set(t.scope, { scope: t.scope, state: t.to, at: new Date(t.at).toISOString(), values: t.values });
  }
  return [...byScope.values()].sort((a, b) => Number(a.state !== "firing") - Number(b.state !== "firing") || compareScopes(a.scope, b.scope));
}

export function groupMessage(project: GroupMessage["project"], rule: GroupMessage["rule"], kind: GroupMessage["kind"], alerts: MessageAlert[], deliveryId: string): GroupMessage {
  return { project, rule, status: alerts.some((a) => a.state === "firing") ? "firing" : "resolved", kind, alerts, deliveryId };
}

