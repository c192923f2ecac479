// One Durable Object per project (idFromName(projectId)): it accepts counters, owns the live totals,
// pushes them to watchers and writes them through to D1. The logic lives in store.ts (SQLite state),
// validate.ts and dedup.ts (batch checks), readouts.ts (snapshots, the overview's summary and cards),
// visibility.ts (restricted fonds), fanout.ts (sockets), flush.ts (D1 outbox), retention.ts, wakeups.ts
// (alarm and timers), rate-limit.ts and room-alerts.ts (the rules and the actions on alerts); this class
// only wires them.
import { DurableObject } from "cloudflare:workers";
import type { CounterEventInput } from "../../schema/api";
import { enabledKinds } from "../../schema/kinds";
import { dayInZone } from "../../schema/time";
import type { AlertView, Snapshot } from "../../schema/wire";
import { loadAlertConfig } from "../alerts/config";
import { mailerFrom } from "../alerts/mailer";
import type { AlertRef } from "../alerts/store";
import type { AttemptResult } from "../alerts/channels";
import { Fanout } from "./fanout";
import { RoomAlerts } from "./room-alerts";
import { send } from "./sockets";
import { flushAlertHistory } from "../alerts/history";
import { flushOnce } from "./flush";
import { loadProjectPlan, type ProjectPlan } from "./plan";
import { RateLimiter } from "./rate-limit";
import { pruneExpired, type PruneOutcome } from "./retention";
import { LiveStore } from "./store";
import { stationViewOf, type StationView } from "./station-view";
import type { ProjectSummary } from "./summary";
import { Readouts } from "./readouts";
import type { AudienceCards } from "../../schema/province-wire";
import { Wakeups } from "./wakeups";
import { notesSavedMessage, type Period } from "../reports/notes";
import type { StoredNotes } from "../../schema/reports/notes-merge";
import { checkBatch, CORRECTION_STATION, unplannedKind, type IngestResult } from "./validate";
import { provinceRoomFor } from "../lib/app-env";
import { audienceFor, restrictedSignature } from "./visibility";

export class ProjectRoom extends DurableObject<Env> {
  private readonly store: LiveStore;
  private readonly projectId: string;
  private readonly limiter = new RateLimiter();
  private plan: ProjectPlan | null = null;
  private fondsCodes = new Set<string>();
  private kinds = new Set<string>();
  private readonly alerts: RoomAlerts;
  private readonly feed: Fanout;
  private readonly wake: Wakeups;
  private readonly readouts: Readouts;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    if (!ctx.id.name) throw new Error("ProjectRoom must be addressed with idFromName(projectId)");
    this.projectId = ctx.id.name;
    this.store = new LiveStore(ctx.storage);
    this.wake = new Wakeups(ctx.storage);
    this.feed = new Fanout(ctx, this.store, { plan: () => this.plan, snapshot: (r) => this.snapshot(r), alerts: (r) => this.alertList(r) });
    Fanout.answerPings(ctx);
    this.readouts = new Readouts(this.store, () => this.plan, (r) => this.alertList(r), (provinceId, cards) => provinceRoomFor(this.env, provinceId).update(this.projectId, cards));
    this.alerts = new RoomAlerts(ctx.storage.sql, {
      store: this.store,
      wake: this.wake,
      plan: () => this.plan,
      mailer: () => mailerFrom(this.env),
      broadcast: () => this.feed.broadcastAlerts(),
      readoutsChanged: () => this.readouts.changed(),
    });
    void ctx.blockConcurrencyWhile(async () => {
      await this.loadPlan();
      // After an eviction: finish what the previous instance had not yet flushed or broadcast.
      await this.wake.resume(Date.now(), { flush: this.store.meta("flushed_seq") < this.store.seq, rules: this.alerts.hasRules() });
      if (this.store.meta("broadcast_seq") < this.store.seq) this.feed.scheduleFrame();
    });
  }

  private async loadPlan(): Promise<void> {
    const [plan, alertConfig] = await Promise.all([loadProjectPlan(this.env.DB, this.projectId), loadAlertConfig(this.env.DB, this.projectId)]);
    this.plan = plan;
    this.alerts.configure(alertConfig);
    this.fondsCodes = new Set(this.plan?.fonds.map((f) => f.code));
    this.kinds = new Set(enabledKinds(this.plan?.fonds ?? []));
    this.readouts.planChanged();
  }

  /** `tokenHash`: what the worker resolved the station from, possibly from its cache (worker/auth/station-cache.ts). */
  async ingest(stationId: string, events: CounterEventInput[], now: number, client: string | null = null, tokenHash?: string): Promise<IngestResult> {
    const plan = this.plan;
    if (!plan) return { status: "not_found" };
    if (plan.project.archivedAt) return { status: "archived" };
    if (tokenHash !== undefined && plan.stationTokens.get(stationId) !== tokenHash) return { status: "unauthorized" };
    const wait = this.limiter.take(stationId, now);
    if (wait > 0) return { status: "rate_limited", retryAfter: Math.ceil(wait / 1000) };
    const check = checkBatch(events, { fondsCodes: this.fondsCodes, kinds: this.kinds, periodStart: plan.project.periodStart, timeZone: plan.project.timeZone, now });
    if (!check.ok) return { status: "invalid", errors: check.errors };
    const outcome = this.store.ingest(stationId, check.events, now, client);
    if (outcome.status === "conflict") return { status: "conflict", errors: outcome.conflicts };
    if (outcome.accepted > 0) this.accepted(now);
    return outcome;
  }

  /**
   * A correction after reconciliation (đối soát): a signed amount with its own event id, counted like
   * any counter so watchers see it at once and D1 gets it through the same outbox.
   */
  correct(fonds: string, kind: string, delta: number, now: number): { status: "ok"; id: string; seq: number } | { status: "invalid"; field: "fonds" | "kind" | "delta"; message: string } {
    const plan = this.plan;
    if (!plan || !this.fondsCodes.has(fonds)) return { status: "invalid", field: "fonds", message: "không có phông này (unknown fonds)" };
    if (!this.kinds.has(kind)) return { status: "invalid", field: "kind", message: unplannedKind(kind) };
    const current = this.store.fondsTotals([]).find((t) => t.fonds === fonds && t.kind === kind)?.amount ?? 0;
    if (current + delta < 0) return { status: "invalid", field: "delta", message: "tổng sau điều chỉnh âm (the total would fall below zero)" };
    const id = `correction-${crypto.randomUUID()}`;
    const { seq } = this.store.ingest(CORRECTION_STATION, [{ id, fonds, kind, delta, at: now, day: dayInZone(now, plan.project.timeZone) }], now);
    this.accepted(now);
    return { status: "ok", id, seq };
  }

  /** Writes the whole outbox to D1 now: a reader of D1's days (an inspection's counted figures,
   * worker/inspections/counted.ts) must not miss what the write-through delay still holds. */
  async flushNow(): Promise<void> {
    while ((await flushOnce(this.store, this.env.DB, this.projectId)).remaining > 0);
  }

  /** Totals as of the current seq, as `seesRestricted` may see them (also served over HTTP). */
  snapshot(seesRestricted: boolean): Snapshot | null {
    return this.readouts.snapshot(seesRestricted);
  }

  summary(seesRestricted: boolean): ProjectSummary | null {
    return this.readouts.summary(seesRestricted);
  }

  /** This project on its province's overview, for each audience (worker/province/room.ts asks when it has none). */
  provinceCards(now: number): AudienceCards | null {
    return this.readouts.cards(now);
  }

  /** What a station's entry page needs: the fonds it can post to and its own totals today. */
  stationView(stationId: string): StationView | null {
    return this.plan && stationViewOf(this.plan, this.kinds, stationId, (day) => this.store.stationDay(stationId, day), Date.now());
  }

  /** The plan or stations changed in D1 (worker/routes/*): reload and tell every watcher. */
  async reload(): Promise<void> {
    const restrictedBefore = restrictedSignature(this.plan?.fonds ?? []);
    await this.loadPlan();
    const plan = this.plan;
    if (!plan) return;
    if (restrictedSignature(plan.fonds) !== restrictedBefore) {
      // What each audience may see changed: totals, seq and alerts it holds are no longer its own.
      this.feed.resnapshotAll();
      this.feed.broadcastAlerts();
    } else {
      for (const ws of this.ctx.getWebSockets()) send(ws, this.feed.planMessage(plan, this.feed.audienceOf(ws)));
    }
    await this.runAlerts(Date.now());
    this.readouts.changed();
  }

  /**
   * Evaluates the rules and sends the messages due at `now`: the alarm passes the wall clock, tests pass
   * their own (the only difference). Returns the current alerts.
   */
  runAlerts(now: number): Promise<AlertView[]> {
    return this.alerts.run(now);
  }

  alertList(seesRestricted: boolean): AlertView[] {
    return this.alerts.list(seesRestricted);
  }

  /**
   * A supervisor acknowledges (with a comment), silences or unsilences alerts, one or a whole group at
   * once: all or nothing (false when one is not in a state that allows it). Every watcher sees it at once.
   */
  acknowledge(refs: AlertRef[], by: string, comment: string, now: number): boolean {
    return this.alerts.acknowledge(refs, by, comment, now);
  }

  silence(refs: AlertRef[], by: string, comment: string, until: number, now: number): boolean {
    return this.alerts.silence(refs, by, comment, until, now);
  }

  unsilence(refs: AlertRef[], now: number): boolean {
    return this.alerts.unsilence(refs, now);
  }

  /** The test-send button of a contact point: one message now, logged with the others. */
  testContactPoint(contactPointId: string, now: number): Promise<AttemptResult | null> {
    return this.alerts.testContactPoint(contactPointId, now);
  }

  /** Notes of a report period were saved (worker/routes/reports.ts): each audience hears what it may see. */
  notesSaved(period: Period, saved: StoredNotes, changed: string[], restrictedWhenMade: string[]): void {
    const hidden = new Set([...audienceFor(this.plan?.fonds ?? [], false).hidden, ...restrictedWhenMade]);
    const forAll = notesSavedMessage(period, saved, changed, new Set());
    if (forAll) this.feed.broadcastByAudience(forAll, notesSavedMessage(period, saved, changed, hidden));
  }

  /** Signed-out or revoked sessions lose their live feed at once; `code` tells the dashboard whether to come back (schema/wire.ts). */
  closeSessions(sessionIds: string[], code = 4001, reason = "session ended"): number {
    return this.feed.closeSessions(sessionIds, code, reason);
  }

  /** WebSocket upgrade, forwarded by worker/routes/live.ts with the viewer already authorized. */
  override async fetch(request: Request): Promise<Response> {
    return this.feed.upgrade(request);
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    this.feed.onMessage(ws, raw);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.feed.onClose(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.feed.onError(ws);
  }

  override async alarm(): Promise<void> {
    this.wake.fired();
    const now = Date.now();
    try {
      // Rows travel to D1 in chunks; more left means another pass at once.
      const { remaining } = await flushOnce(this.store, this.env.DB, this.projectId);
      await flushAlertHistory(this.store, this.alerts.store, this.env.DB, this.projectId);
      this.wake.flushed(now, remaining);
    } catch (err) {
      const { attempt, delay } = this.wake.flushFailed(now);
      console.error(`D1 flush failed for ${this.projectId} (attempt ${attempt}), retry in ${delay} ms:`, String(err));
    }
    this.wake.pruned(now, this.prune(now).more);
    await this.runAlerts(now);
  }

  /** Forgets a batch of event ids older than the retention (retention.ts): the alarm passes the wall clock, tests pass their own. */
  prune(now: number): PruneOutcome {
    return this.plan ? pruneExpired(this.store, now, this.plan.project.timeZone) : { pruned: 0, more: false };
  }

  /** Counters or a correction were accepted: watchers, D1 and the rules hear of it. */
  private accepted(now: number): void {
    this.feed.scheduleFrame();
    this.readouts.changed(now);
    this.wake.afterCounters(now, this.alerts.hasRules(), () => void this.runAlerts(Date.now()));
  }
}
