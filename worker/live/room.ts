// One Durable Object per project (idFromName(projectId)): it accepts counters, owns the live totals,
// pushes them to watchers and writes them through to D1. The logic lives in store.ts (SQLite state),
// validate.ts (batch checks), feed.ts (sockets) and flush.ts (D1 outbox); this class only wires them.
import { DurableObject } from "cloudflare:workers";
import type { CounterEventInput } from "../../schema/api";
import { WORK_KINDS } from "../../schema/kinds";
import { dayInZone } from "../../schema/time";
import {
  PING,
  PONG,
  STATION_DAYS_IN_SNAPSHOT,
  type ClientMessage,
  type Delta,
  type PlanChanged,
  type Snapshot,
  type Viewer,
} from "../../schema/wire";
import { broadcast, send, viewersOf, type SocketAttachment } from "./feed";
import { flushOnce } from "./flush";
import { loadProjectPlan, type ProjectPlan } from "./plan";
import { LiveStore } from "./store";
import { checkBatch, type EventError } from "./validate";
import { summarize, type ProjectSummary } from "./summary";

/** Deltas are coalesced into at most one frame per this many ms. */
const FRAME_MS = 100;
/** D1 write-through runs this long after the first unflushed counter, so bursts share a batch. */
const FLUSH_DELAY_MS = 500;
const FLUSH_BACKOFF_MAX_MS = 60_000;
/** A watcher further behind than this many events gets a fresh snapshot instead of a replay. */
const REPLAY_LIMIT = 50_000;

export type IngestResult =
  | { status: "ok"; accepted: number; duplicates: number; seq: number }
  | { status: "invalid"; errors: EventError[] }
  | { status: "not_found" };

export class ProjectRoom extends DurableObject<Env> {
  private readonly store: LiveStore;
  private readonly projectId: string;
  private plan: ProjectPlan | null = null;
  private fondsCodes = new Set<string>();
  private frameTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFrameAt = 0;
  private alarmPending = false;
  private flushFailures = 0;
  private snapshotCache: Snapshot | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    if (!ctx.id.name) throw new Error("ProjectRoom must be addressed with idFromName(projectId)");
    this.projectId = ctx.id.name;
    this.store = new LiveStore(ctx.storage);
    // Keep-alive pings from dashboards are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    void ctx.blockConcurrencyWhile(async () => {
      await this.loadPlan();
      this.alarmPending = (await ctx.storage.getAlarm()) !== null;
      // After an eviction: finish what the previous instance had not yet flushed or broadcast.
      if (this.store.meta("flushed_seq") < this.store.seq) this.scheduleFlush(0);
      if (this.store.meta("broadcast_seq") < this.store.seq) this.scheduleFrame();
    });
  }

  private async loadPlan(): Promise<void> {
    this.plan = await loadProjectPlan(this.env.DB, this.projectId);
    this.fondsCodes = new Set(this.plan?.fonds.map((f) => f.code));
    this.snapshotCache = null;
  }

  async ingest(stationId: string, events: CounterEventInput[], now: number): Promise<IngestResult> {
    const plan = this.plan;
    if (!plan) return { status: "not_found" };
    const check = checkBatch(events, {
      fondsCodes: this.fondsCodes,
      periodStart: plan.project.periodStart,
      timeZone: plan.project.timeZone,
      now,
    });
    if (!check.ok) return { status: "invalid", errors: check.errors };
    const outcome = this.store.ingest(stationId, check.events, now);
    if (outcome.accepted > 0) {
      this.snapshotCache = null;
      this.scheduleFrame();
      this.scheduleFlush(FLUSH_DELAY_MS);
    }
    return { status: "ok", ...outcome };
  }

  /** Totals as of the current seq (also served over HTTP: worker/routes/live.ts). */
  snapshot(): Snapshot | null {
    const plan = this.plan;
    if (!plan) return null;
    const seq = this.store.seq;
    if (this.snapshotCache?.seq === seq) return this.snapshotCache;
    const now = Date.now();
    const fromDay = dayInZone(now - STATION_DAYS_IN_SNAPSHOT * 86_400_000, plan.project.timeZone);
    this.snapshotCache = {
      type: "snapshot",
      seq,
      project: plan.project,
      kinds: WORK_KINDS.map((k) => ({ key: k.key, decimals: k.decimals, unit: k.unit })),
      fonds: plan.fonds,
      stations: plan.stations,
      totals: this.store.fondsTotals(),
      stationDays: this.store.stationDays(fromDay),
      days: this.store.days(),
      lastActivityAt: this.lastActivity(),
      at: now,
    } satisfies Snapshot;
    return this.snapshotCache;
  }

  summary(): ProjectSummary | null {
    const snap = this.snapshot();
    return snap && summarize(snap);
  }

  /** The plan or stations changed in D1 (worker/routes/admin.ts): reload and tell every watcher. */
  async reload(): Promise<void> {
    await this.loadPlan();
    const plan = this.plan;
    if (!plan) return;
    broadcast(this.ctx.getWebSockets(), { type: "plan", fonds: plan.fonds, stations: plan.stations } satisfies PlanChanged);
  }

  /** WebSocket upgrade, forwarded by worker/routes/live.ts with the viewer already authenticated. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    if (!this.plan) return new Response("unknown project", { status: 404 });
    const viewer = JSON.parse(decodeURIComponent(request.headers.get("X-Viewer") ?? "null")) as Viewer | null;
    if (!viewer) return new Response("missing viewer", { status: 400 });
    const sinceParam = new URL(request.url).searchParams.get("since");
    // Send what is pending to everyone else first, so this socket starts exactly at broadcast_seq.
    this.frame();
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ viewer } satisfies SocketAttachment);
    this.catchUp(server, sinceParam === null ? null : Number(sinceParam));
    this.broadcastPresence();
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
    if (msg.type === "resync") {
      this.frame();
      this.catchUp(ws, Number(msg.since));
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.broadcastPresence(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.broadcastPresence(ws);
  }

  override async alarm(): Promise<void> {
    this.alarmPending = false;
    try {
      const { remaining } = await flushOnce(this.store, this.env.DB, this.projectId);
      this.flushFailures = 0;
      if (remaining > 0) this.scheduleFlush(0);
    } catch (err) {
      // Retried with backoff for as long as it takes; the outbox keeps everything meanwhile.
      this.flushFailures++;
      const delay = Math.min(FLUSH_BACKOFF_MAX_MS, 1000 * 2 ** (this.flushFailures - 1));
      console.error(`D1 flush failed for ${this.projectId} (attempt ${this.flushFailures}), retry in ${delay} ms:`, String(err));
      this.scheduleFlush(delay);
    }
  }

  /** Replays (since, seq] as one delta, or sends a snapshot when `since` is unusable or too old. */
  private catchUp(ws: WebSocket, since: number | null): void {
    const seq = this.store.seq;
    const plan = this.plan;
    if (plan && since !== null && Number.isInteger(since) && since >= 0 && since <= seq && seq - since <= REPLAY_LIMIT) {
      send(ws, { type: "plan", fonds: plan.fonds, stations: plan.stations } satisfies PlanChanged);
      send(ws, this.deltaMessage(since, seq));
      return;
    }
    const snap = this.snapshot();
    if (snap) send(ws, snap);
  }

  private deltaMessage(from: number, seq: number): Delta {
    return { type: "delta", from, seq, cells: this.store.changesSince(from, seq), lastActivityAt: this.lastActivity(), at: Date.now() };
  }

  private lastActivity(): number | null {
    return this.store.meta("last_activity") || null;
  }

  private scheduleFrame(): void {
    if (this.frameTimer !== null) return;
    // Leading edge: an idle project sends at once; a busy one at most every FRAME_MS.
    // A timer (not the alarm) because it lives for at most FRAME_MS while the object is awake anyway.
    const wait = Math.max(0, this.lastFrameAt + FRAME_MS - Date.now());
    this.frameTimer = setTimeout(() => this.frame(), wait);
  }

  /** Broadcasts everything accepted since the last frame as one delta. */
  private frame(): void {
    if (this.frameTimer !== null) {
      clearTimeout(this.frameTimer);
      this.frameTimer = null;
    }
    const from = this.store.meta("broadcast_seq");
    const seq = this.store.seq;
    if (seq <= from) return;
    this.lastFrameAt = Date.now();
    const sockets = this.ctx.getWebSockets();
    if (sockets.length > 0) broadcast(sockets, this.deltaMessage(from, seq));
    this.store.setMeta("broadcast_seq", seq);
  }

  private broadcastPresence(leaving?: WebSocket): void {
    const sockets = this.ctx.getWebSockets();
    broadcast(
      sockets.filter((s) => s !== leaving),
      { type: "presence", viewers: viewersOf(sockets, leaving) },
    );
  }

  private scheduleFlush(delayMs: number): void {
    if (this.alarmPending) return;
    this.alarmPending = true;
    void this.ctx.storage.setAlarm(Date.now() + delayMs);
  }
}

