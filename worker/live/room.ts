// One Durable Object per project (idFromName(projectId)): it accepts counters, owns the live totals,
// pushes them to watchers and writes them through to D1. The logic lives in store.ts (SQLite state),
// validate.ts (batch checks), snapshot.ts, visibility.ts (restricted fonds), feed.ts (sockets),
// flush.ts (D1 outbox) and rate-limit.ts; this class only wires them.
import { DurableObject } from "cloudflare:workers";
import type { CounterEventInput } from "../../schema/api";
import { enabledKinds } from "../../schema/kinds";
import { dayInZone } from "../../schema/time";
import { PING, PONG, type AlertView, type ClientMessage, type FondsTotal, type Snapshot } from "../../schema/wire";
import { loadAlertConfig, type AlertConfig } from "../alerts/config";
import { ProjectAlerts } from "../alerts/project-alerts";
import { Fanout } from "./fanout";
import { attachmentOf, send, type SocketAttachment } from "./feed";
import { flushAlertHistory } from "../alerts/history";
import { flushOnce } from "./flush";
import { loadProjectPlan, type ProjectPlan } from "./plan";
import { RateLimiter } from "./rate-limit";
import { buildSnapshot } from "./snapshot";
import { LiveStore } from "./store";
import { summarize, type ProjectSummary } from "./summary";
import { checkBatch, unplannedKind, type EventError } from "./validate";
import { alertForAudience, audienceFor } from "./visibility";

function restrictedCodes(plan: ProjectPlan | null): string {
  return (plan?.fonds ?? [])
    .filter((f) => f.restricted)
    .map((f) => f.code)
    .sort()
    .join("\u0000");
}

/** D1 write-through runs this long after the first unflushed counter, so bursts share a batch. */
const FLUSH_DELAY_MS = 500;
const FLUSH_BACKOFF_MAX_MS = 60_000;
/** Rules run at most this often when counters land, and on the alarm at least this often (time passing alone makes a project fall behind). */
const RULES_AFTER_COUNTERS_MS = 1_000;
const RULES_TICK_MS = 60_000;
/** Corrections count under this pseudo-station, so per-station figures stay what stations posted. */
export const CORRECTION_STATION = "correction";

export type IngestResult =
  | { status: "ok"; accepted: number; duplicates: number; seq: number }
  | { status: "invalid"; errors: EventError[] }
  /** An id already accepted (or repeated in the batch) with other content; nothing was applied. */
  | { status: "conflict"; errors: EventError[] }
  | { status: "not_found" }
  | { status: "rate_limited"; retryAfter: number };

export interface StationView {
  station: { id: string; name: string };
  /** Restricted fonds are listed by code only: a station counts the work without the name travelling. */
  fonds: { code: string; name: string | null; restricted: boolean }[];
  /** The kinds the project has a plan for, the only ones a station may post. */
  kinds: string[];
  day: string;
  today: FondsTotal[];
}

export class ProjectRoom extends DurableObject<Env> {
  private readonly store: LiveStore;
  private readonly projectId: string;
  private readonly limiter = new RateLimiter();
  private plan: ProjectPlan | null = null;
  private fondsCodes = new Set<string>();
  private kinds = new Set<string>();
  private alarmAt: number | null = null;
  private flushFailures = 0;
  private alertConfig: AlertConfig | null = null;
  private readonly alerts: ProjectAlerts;
  private readonly feed: Fanout;
  private rulesTimer: ReturnType<typeof setTimeout> | null = null;
  /** Per audience, the last snapshot and the store seq it was built at. */
  private readonly snapshots = new Map<boolean, { seq: number; snap: Snapshot }>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    if (!ctx.id.name) throw new Error("ProjectRoom must be addressed with idFromName(projectId)");
    this.projectId = ctx.id.name;
    this.store = new LiveStore(ctx.storage);
    this.alerts = new ProjectAlerts(ctx.storage.sql);
    this.feed = new Fanout(ctx, this.store, { plan: () => this.plan, snapshot: (r) => this.snapshot(r), alerts: (r) => this.alertList(r) });
    // Keep-alive pings from dashboards are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    void ctx.blockConcurrencyWhile(async () => {
      await this.loadPlan();
      this.alarmAt = await ctx.storage.getAlarm();
      // After an eviction: finish what the previous instance had not yet flushed or broadcast.
      if (this.store.meta("flushed_seq") < this.store.seq) this.wakeAt(Date.now());
      if (this.store.meta("broadcast_seq") < this.store.seq) this.feed.scheduleFrame();
      if (this.alertConfig?.rules.length) this.wakeAt(Date.now() + RULES_TICK_MS);
    });
  }

  private async loadPlan(): Promise<void> {
    [this.plan, this.alertConfig] = await Promise.all([loadProjectPlan(this.env.DB, this.projectId), loadAlertConfig(this.env.DB, this.projectId)]);
    this.fondsCodes = new Set(this.plan?.fonds.map((f) => f.code));
    this.kinds = new Set(enabledKinds(this.plan?.fonds ?? []));
    this.snapshots.clear();
  }

  async ingest(stationId: string, events: CounterEventInput[], now: number): Promise<IngestResult> {
    const plan = this.plan;
    if (!plan) return { status: "not_found" };
    const wait = this.limiter.take(stationId, now);
    if (wait > 0) return { status: "rate_limited", retryAfter: Math.ceil(wait / 1000) };
    const check = checkBatch(events, { fondsCodes: this.fondsCodes, kinds: this.kinds, periodStart: plan.project.periodStart, timeZone: plan.project.timeZone, now });
    if (!check.ok) return { status: "invalid", errors: check.errors };
    const outcome = this.store.ingest(stationId, check.events, now);
    if (outcome.status === "conflict") return { status: "conflict", errors: outcome.conflicts };
    if (outcome.accepted > 0) {
      this.snapshots.clear();
      this.feed.scheduleFrame();
      this.wakeAt(now + FLUSH_DELAY_MS);
      this.scheduleRules();
    }
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
    this.snapshots.clear();
    this.feed.scheduleFrame();
    this.wakeAt(now + FLUSH_DELAY_MS);
    this.scheduleRules();
    return { status: "ok", id, seq };
  }

  /** Totals as of the current seq, as `seesRestricted` may see them (also served over HTTP). */
  snapshot(seesRestricted: boolean): Snapshot | null {
    const plan = this.plan;
    if (!plan) return null;
    const cached = this.snapshots.get(seesRestricted);
    if (cached?.seq === this.store.seq) return cached.snap;
    const snap = buildSnapshot(this.store, plan, audienceFor(plan.fonds, seesRestricted), Date.now());
    this.snapshots.set(seesRestricted, { seq: this.store.seq, snap });
    return snap;
  }

  summary(seesRestricted: boolean): ProjectSummary | null {
    const snap = this.snapshot(seesRestricted);
    return snap && summarize(snap);
  }

  /** What a station's entry page needs: the fonds it can post to and its own totals today. */
  stationView(stationId: string): StationView | null {
    const plan = this.plan;
    const station = plan?.stations.find((s) => s.id === stationId);
    if (!plan || !station) return null;
    const day = dayInZone(Date.now(), plan.project.timeZone);
    const fonds = plan.fonds.map((f) => ({ code: f.code, name: f.restricted ? null : f.name, restricted: f.restricted }));
    return { station, fonds, kinds: [...this.kinds], day, today: this.store.stationDay(stationId, day) };
  }

  /** The plan or stations changed in D1 (worker/routes/*): reload and tell every watcher. */
  async reload(): Promise<void> {
    const restrictedBefore = restrictedCodes(this.plan);
    await this.loadPlan();
    const plan = this.plan;
    if (!plan) return;
    if (restrictedCodes(plan) !== restrictedBefore) {
      // What each audience may see changed: totals, seq and alerts it holds are no longer its own.
      this.feed.resnapshotAll();
      this.feed.broadcastAlerts();
    } else {
      for (const ws of this.ctx.getWebSockets()) send(ws, this.feed.planMessage(plan, this.feed.audienceOf(ws)));
    }
    await this.runAlerts(Date.now());
  }

  /**
   * Evaluates the rules and sends due webhooks at `now`: the alarm passes the wall clock, tests pass
   * their own (the only difference). Returns the current alerts.
   */
  async runAlerts(now: number): Promise<AlertView[]> {
    const plan = this.plan;
    const config = this.alertConfig;
    if (!plan || !config) return [];
    if (this.alerts.evaluate(this.store, plan, config, now)) this.feed.broadcastAlerts();
    // Contact points are outside channels (chat groups, mailboxes): they get what a leader may see.
    await this.alerts.deliver(plan, config, audienceFor(plan.fonds, false), now);
    this.scheduleAfterAlerts(now);
    return this.alertList(true);
  }

  alertList(seesRestricted: boolean): AlertView[] {
    const plan = this.plan;
    const config = this.alertConfig;
    if (!plan || !config) return [];
    const audience = audienceFor(plan.fonds, seesRestricted);
    return this.alerts.view(config).flatMap((a) => {
      const values = alertForAudience(a.scope, a.values, audience);
      return values === null ? [] : [{ ...a, values }];
    });
  }

  /** A supervisor acknowledges (with a comment) or silences an alert; every watcher sees it at once. */
  acknowledge(ruleId: string, scope: string, by: string, comment: string, now: number): boolean {
    const ok = this.alerts.store.acknowledge(ruleId, scope, by, comment, now);
    if (ok) this.feed.broadcastAlerts();
    return ok;
  }

  silence(ruleId: string, scope: string, until: number): boolean {
    const ok = this.alerts.store.silence(ruleId, scope, until);
    if (ok) this.feed.broadcastAlerts();
    return ok;
  }

  /** Signed-out or revoked sessions lose their live feed at once; `code` tells the dashboard whether to come back (schema/wire.ts). */
  closeSessions(sessionIds: string[], code = 4001, reason = "session ended"): number {
    const ids = new Set(sessionIds);
    let closed = 0;
    for (const ws of this.ctx.getWebSockets()) {
      if (ids.has(attachmentOf(ws)?.sessionId ?? "")) {
        ws.close(code, reason);
        closed++;
      }
    }
    if (closed > 0) this.feed.broadcastPresence();
    return closed;
  }

  /** WebSocket upgrade, forwarded by worker/routes/live.ts with the viewer already authorized. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    if (!this.plan) return new Response("unknown project", { status: 404 });
    const attachment = JSON.parse(decodeURIComponent(request.headers.get("X-Watcher") ?? "null")) as SocketAttachment | null;
    if (!attachment) return new Response("missing watcher", { status: 400 });
    const sinceParam = new URL(request.url).searchParams.get("since");
    // Send what is pending to everyone else first, so this socket starts exactly at broadcast_seq.
    this.feed.frame();
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(attachment);
    this.feed.catchUp(server, sinceParam === null ? null : Number(sinceParam));
    send(server, this.feed.alertsMessage(attachment.seesRestricted));
    this.feed.broadcastPresence();
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    if (typeof raw !== "string" || raw.length > 200) return;
    let msg: ClientMessage;
    try {
      msg = JSON.parse(raw) as ClientMessage;
    } catch {
      return;
    }
    if (msg?.type === "resync") {
      this.feed.frame();
      this.feed.catchUp(ws, Number(msg.since));
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.feed.broadcastPresence(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.feed.broadcastPresence(ws);
  }

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    try {
      // Rows travel to D1 in chunks; more left means another pass at once.
      const { remaining } = await flushOnce(this.store, this.env.DB, this.projectId);
      await flushAlertHistory(this.store, this.alerts.store, this.env.DB, this.projectId);
      this.flushFailures = 0;
      if (remaining > 0) this.wakeAt(now);
    } catch (err) {
      // Retried with backoff for as long as it takes; the outbox keeps everything meanwhile.
      this.flushFailures++;
      const delay = Math.min(FLUSH_BACKOFF_MAX_MS, 1000 * 2 ** (this.flushFailures - 1));
      console.error(`D1 flush failed for ${this.projectId} (attempt ${this.flushFailures}), retry in ${delay} ms:`, String(err));
      this.wakeAt(now + delay);
    }
    await this.runAlerts(now);
  }

  private scheduleAfterAlerts(now: number): void {
    if (this.alertConfig?.rules.length) this.wakeAt(now + RULES_TICK_MS);
    const next = this.alerts.store.nextNotificationAt();
    if (next !== null) this.wakeAt(Math.max(next, Date.now()));
  }

  /** Counters just landed: run the rules within a second, once for a whole burst. */
  private scheduleRules(): void {
    if (this.rulesTimer !== null || !this.alertConfig?.rules.length) return;
    this.rulesTimer = setTimeout(() => {
      this.rulesTimer = null;
      void this.runAlerts(Date.now());
    }, RULES_AFTER_COUNTERS_MS);
  }

  /** One alarm per object serves the D1 flush, the rules and the webhooks: keep the earliest. */
  private wakeAt(at: number): void {
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    void this.ctx.storage.setAlarm(at);
  }
}
