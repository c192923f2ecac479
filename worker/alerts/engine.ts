// Runs the rules over the project's live state and keeps each alert instance's lifecycle; sends the
// webhooks that are due. Called by the Durable Object when counters land (throttled) and on its alarm.
import type { AlertRuleType } from "../../schema/db";
import { alertForAudience, type Audience } from "../live/visibility";
import type { AlertConfig } from "./config";
import { evaluateRules, type EvalContext } from "./evaluate";
import { notifies, step } from "./lifecycle";
import type { AlertStore } from "./store";
import { MAX_ATTEMPTS, payloadFor, post, retryDelayMs } from "./webhooks";

/** Applies one evaluation round; returns whether any instance changed state (watchers must hear of it). */
export function runRules(store: AlertStore, config: AlertConfig, ctx: EvalContext): boolean {
  const rules = new Map(config.rules.map((r) => [r.id, r]));
  store.prune(new Set(rules.keys()));
  const current = new Map(store.instances().map((i) => [`${i.ruleId}\u0000${i.scope}`, i]));
  let changed = false;
  for (const e of evaluateRules(config.rules, ctx)) {
    const prev = current.get(`${e.ruleId}\u0000${e.scope}`);
    if (!prev && !e.condition) continue; // nothing to remember about a healthy instance that never fired
    const { next, transition } = step(prev, e.condition, e.values, ctx.now, (rules.get(e.ruleId)?.pendingMinutes ?? 0) * 60_000);
    store.save(e.ruleId, e.scope, next, transition !== null);
    if (!transition) continue;
    changed = true;
    const id = store.addTransition(e.ruleId, e.scope, transition);
    const silenced = (prev?.silencedUntil ?? 0) > ctx.now;
    if (notifies(transition) && !silenced) store.enqueue(id, config.contactPoints.map((c) => c.id), ctx.now);
  }
  return changed;
}

/** Sends every due notification once; failures are rescheduled with backoff, all attempts logged. */
export async function deliverDue(
  store: AlertStore,
  config: AlertConfig,
  project: { id: string; name: string },
  audience: Audience,
  now: number,
): Promise<void> {
  const cps = new Map(config.contactPoints.map((c) => [c.id, c]));
  const types = new Map<string, AlertRuleType>(config.rules.map((r) => [r.id, r.type]));
  for (const n of store.dueNotifications(now)) {
    const cp = cps.get(n.contactPoint);
    const t = store.transition(n.transitionId);
    if (!cp || !t) {
      store.recordAttempt(n, null, "contact point or transition removed", now, null);
      continue;
    }
    const values = alertForAudience(t.scope, t.values, audience);
    if (values === null) {
      // About a restricted fonds: never leaves for an outside channel; the log says why.
      store.recordAttempt(n, null, "withheld: restricted fonds", now, null);
      continue;
    }
    const result = await post(cp, payloadFor(project, types.get(t.ruleId) ?? "unknown", { ...t, values }), `${project.id}-${t.id}-${cp.id}`);
    const attempts = n.attempts + 1;
    // `now` (not the wall clock) so a test can drive retries with its own clock.
    const retryAt = result.ok || attempts >= MAX_ATTEMPTS ? null : now + retryDelayMs(attempts);
    store.recordAttempt(n, result.status, result.error, now, retryAt);
  }
}
