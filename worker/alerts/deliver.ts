// Sends what is due: per contact point and alert group one message (grouping.ts decides when), held in
// muted time until it ends (working-time.ts), failures retried with backoff, every attempt logged.
// Called by project-alerts.ts on every round; `now` is the caller's clock so tests drive it.
import type { WorkCalendar } from "../../schema/calendar";
import type { Audience } from "../live/visibility";
import { alertForAudience } from "../live/visibility";
import { sendMessage, type ChannelPoint, type Mailer } from "./channels";
import { groupDue, type GroupTiming } from "./grouping";
import type { AlertValues } from "./lifecycle";
import { groupMessage, messageAlerts, type MessageAlert } from "./message";
import type { TextContext } from "./message-text";
import type { AlertStore } from "./store";
import { unmutedFrom, type WorkingHours } from "./working-time";

export const MAX_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryPoint extends ChannelPoint {
  timing: GroupTiming;
  muteOutsideWorkingTime: boolean;
}

export interface DeliveryContext {
  project: { id: string; name: string };
  ruleTypes: ReadonlyMap<string, string>;
  contactPoints: readonly DeliveryPoint[];
  audience: Audience;
  text: TextContext;
  calendar: WorkCalendar;
  hours: WorkingHours;
  mailer: Mailer | null;
}

/** Alerts an outside channel may read: restricted fonds never leave (worker/live/visibility.ts). */
function forAudience(alerts: MessageAlert[], audience: Audience): MessageAlert[] {
  return alerts.flatMap((a) => {
    const values = alertForAudience(a.scope, a.values, audience);
    return values === null ? [] : [{ ...a, values }];
  });
}

/** Sends every due group message once; returns when the next one is due (for the alarm), if any. */
export async function deliverDue(store: AlertStore, ctx: DeliveryContext, now: number): Promise<number | null> {
  const cps = new Map(ctx.contactPoints.map((c) => [c.id, c]));
  store.pruneGroups(new Set(cps.keys()), new Set(ctx.ruleTypes.keys()));
  const instances = store.instances();
  let next: number | null = null;
  for (const g of store.groups()) {
    const cp = cps.get(g.contactPoint)!;
    const queued = store.queued(g.contactPoint, g.ruleId);
    const firing = instances.filter((i) => i.ruleId === g.ruleId && i.state === "firing" && !(i.silence && i.silence.until > now));
    const due = groupDue({ firstQueuedAt: queued[0]?.queuedAt ?? null, lastSentAt: g.lastSentAt, retryAt: g.retryAt, openAlerts: firing.filter((i) => i.ack === null).length, wasEmpty: g.wasEmpty }, cp.timing);
    if (due === null) continue;
    // Muted now or at the due time: held until the muted time ends (a message due yesterday afternoon and
    // not yet sent is still held through the night).
    const at = cp.muteOutsideWorkingTime ? unmutedFrom(Math.max(due.at, now), ctx.calendar, ctx.hours, ctx.text.timeZone) : due.at;
    if (at > now) {
      next = next === null ? at : Math.min(next, at);
      continue;
    }
    const upTo = queued.at(-1)?.id ?? 0;
    const source = { queued, firing: firing.filter((i) => due.kind === "notify" || i.ack === null).map((i) => ({ scope: i.scope, since: i.since, values: i.values as AlertValues })) };
    const all = messageAlerts(source);
    const alerts = forAudience(all, ctx.audience);
    // The alerts that leave, by scope: each alert's history then shows this delivery (worker/routes/alert-history.ts).
    const entry = { transitionId: upTo, alerts: alerts.length, scopes: alerts.map((a) => a.scope), kind: due.kind };
    if (alerts.length === 0) {
      // Only about restricted fonds (or nothing left to say): nothing leaves; the log says why.
      store.recordGroupAttempt(g, { ...entry, status: null, error: all.length > 0 ? "withheld: restricted fonds" : "nothing to send" }, now, { sent: true, upTo, empty: firing.length === 0 });
      continue;
    }
    const deliveryId = `${ctx.project.id}-${cp.id}-${g.ruleId}-${due.kind === "notify" ? upTo : `r${g.lastSentAt}`}`;
    const message = groupMessage(ctx.project, { id: g.ruleId, type: ctx.ruleTypes.get(g.ruleId) ?? "unknown" }, due.kind, alerts, deliveryId);
    const result = await sendMessage(cp, message, ctx.text, ctx.mailer);
    const attempts = g.attempts + 1;
    const d = { ...entry, status: result.status, error: result.error };
    if (result.ok || attempts >= MAX_ATTEMPTS) store.recordGroupAttempt(g, d, now, { sent: true, upTo, empty: firing.length === 0 });
    else {
      const retryAt = now + retryDelayMs(attempts);
      store.recordGroupAttempt(g, d, now, { sent: false, retryAt });
      next = next === null ? retryAt : Math.min(next, retryAt);
    }
  }
  return next;
}

/** The test-send button: one message through the contact point now, outside any group; logged as "test". */
export async function sendTest(store: AlertStore, ctx: Omit<DeliveryContext, "contactPoints" | "ruleTypes" | "audience">, cp: DeliveryPoint, now: number) {
  const alert: MessageAlert = { scope: "project/*", state: "firing", at: new Date(now).toISOString(), values: { workingDays: 0 } };
  const message = groupMessage(ctx.project, { id: "test", type: "test" }, "test", [alert], `${ctx.project.id}-${cp.id}-test-${now}`);
  const result = await sendMessage(cp, message, ctx.text, ctx.mailer);
  store.deliveries.add(cp.id, null, { transitionId: 0, alerts: 1, scopes: [], kind: "test", attempt: 1, status: result.status, error: result.error }, now);
  return result;
}
