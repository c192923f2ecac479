// The alerts of a project's Durable Object as the room drives them: the rules and the messages due at a
// moment, the list each audience may see, and what a supervisor does to alerts (acknowledge, silence,
// unsilence, test a contact point). Every change reaches the watchers at once. worker/live/room.ts owns
// one and forwards to it; the rules, their lifecycle and delivery are worker/alerts/.
import type { AlertView } from "../../schema/wire";
import type { AttemptResult, Mailer } from "../alerts/channels";
import type { AlertConfig } from "../alerts/config";
import { ProjectAlerts } from "../alerts/project-alerts";
import type { AlertRef, AlertStore } from "../alerts/store";
import type { ProjectPlan } from "./plan";
import type { LiveStore } from "./store";
import { audienceFor } from "./visibility";
import type { Wakeups } from "./wakeups";

export interface RoomAlertsHost {
  store: LiveStore;
  wake: Wakeups;
  plan(): ProjectPlan | null;
  mailer(): Mailer | null;
  /** The alerts changed: watchers get the new list. */
  broadcast(): void;
  /** Figures that read the alerts (summary, cards) may have changed. */
  readoutsChanged(): void;
}

export class RoomAlerts {
  private readonly alerts: ProjectAlerts;
  private config: AlertConfig | null = null;

  constructor(
    sql: SqlStorage,
    private readonly host: RoomAlertsHost,
  ) {
    this.alerts = new ProjectAlerts(sql);
  }

  /** The instances, transitions and outbox (the alarm writes the history through to D1). */
  get store(): AlertStore {
    return this.alerts.store;
  }

  configure(config: AlertConfig | null): void {
    this.config = config;
  }

  /** An archived project is finished: its rules no longer run, so no timer is kept for them. */
  hasRules(): boolean {
    return !this.host.plan()?.project.archivedAt && (this.config?.rules.length ?? 0) > 0;
  }

  /** Evaluates the rules and sends the messages due at `now`; returns the current alerts. */
  async run(now: number): Promise<AlertView[]> {
    const plan = this.host.plan();
    const config = this.config;
    if (!plan || !config) return [];
    // Archived: nothing more is decided or sent for it; its alerts stay as they were, readable and
    // acknowledgeable (worker/auth/policy.ts leaves those writes open).
    if (plan.project.archivedAt) return this.list(true);
    if (this.alerts.evaluate(this.host.store, plan, config, now)) this.host.broadcast();
    // Contact points are outside channels (chat groups, mailboxes): they get what a leader may see.
    const next = await this.alerts.deliver(plan, config, audienceFor(plan.fonds, false), this.host.mailer(), now);
    this.host.wake.afterAlerts(now, this.hasRules(), next);
    // Also when nothing changed: a new day moves plan-to-date (the push sends only what differs).
    this.host.readoutsChanged();
    return this.list(true);
  }

  list(seesRestricted: boolean): AlertView[] {
    const plan = this.host.plan();
    const config = this.config;
    if (!plan || !config) return [];
    return this.alerts.viewFor(config, audienceFor(plan.fonds, seesRestricted));
  }

  acknowledge(refs: AlertRef[], by: string, comment: string, now: number): boolean {
    return this.changed(this.store.acknowledge(refs, by, comment, now));
  }

  silence(refs: AlertRef[], by: string, comment: string, until: number, now: number): boolean {
    return this.changed(this.store.silence(refs, by, comment, until, now));
  }

  unsilence(refs: AlertRef[], now: number): boolean {
    const ok = this.store.unsilence(refs, now);
    // Still firing: its contact points hear of it again, with the group's next message.
    if (ok) this.store.requeueFiring(refs, this.config?.contactPoints.map((c) => c.id) ?? [], now);
    return this.changed(ok);
  }

  async testContactPoint(contactPointId: string, now: number): Promise<AttemptResult | null> {
    const plan = this.host.plan();
    const config = this.config;
    const cp = config?.contactPoints.find((c) => c.id === contactPointId);
    if (!plan || !config || !cp) return null;
    const result = await this.alerts.test(plan, config, cp, audienceFor(plan.fonds, false), this.host.mailer(), now);
    this.host.wake.afterAlerts(now, this.hasRules(), now);
    return result;
  }

  private changed(ok: boolean): boolean {
    if (ok) {
      this.host.broadcast();
      this.host.readoutsChanged();
    }
    return ok;
  }
}
