// Fan-out of one project's live state to its watchers, the hibernatable WebSockets its Durable Object
// holds: accepting and closing them, coalesced delta frames, catch-up on (re)connect, presence and
// alerts, each filtered for the watcher's audience (restricted fonds). Sockets carry a tag for their
// audience (as partyserver does), so a frame finds its watchers without reading every attachment.
// Owned by worker/live/room.ts, which says what the state is.
import { PING, PONG, type Alerts, type AlertView, type ClientMessage, type Delta, type FrameEncoding, type PlanChanged, type ServerMessage, type Snapshot } from "../../schema/wire";
import { FrameSockets } from "./frame-sockets";
import { wireCalendar, type ProjectPlan } from "./plan";
import { attachmentOf, broadcast, send, setAttachment, viewersOf, type SocketAttachment } from "./sockets";
import type { LiveStore } from "./store";
import { audienceFor, visible, visibleFonds, type Audience } from "./visibility";

/**
 * Socket tags: who may see restricted fonds, and who may not; the delta encoding it asked for
 * (`frames:json`, `frames:compact`); and the two together (`audience:all:compact`), so each frame
 * finds the sockets it is encoded for without reading an attachment.
 */
const SEES_ALL = "audience:all";
const SEES_PUBLIC = "audience:public";

/** Deltas are coalesced into at most one frame per this many ms. */
const FRAME_MS = 100;
/** A watcher further behind than this many events gets a fresh snapshot instead of a replay. */
const REPLAY_LIMIT = 50_000;

export interface FanoutSource {
  plan(): ProjectPlan | null;
  snapshot(seesRestricted: boolean): Snapshot | null;
  alerts(seesRestricted: boolean): AlertView[];
}

export class Fanout {
  private frameTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sockets: FrameSockets;
  private lastFrameAt = 0;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly store: LiveStore,
    private readonly source: FanoutSource,
  ) {
    this.sockets = new FrameSockets(ctx, broadcast);
  }

  audienceOf(ws: WebSocket): Audience {
    return audienceFor(this.source.plan()?.fonds ?? [], attachmentOf(ws)?.seesRestricted ?? false);
  }

  planMessage(plan: ProjectPlan, audience: Audience): PlanChanged {
    return { type: "plan", project: plan.project, fonds: visibleFonds(plan.fonds, audience), stations: plan.stations, calendar: wireCalendar(plan) };
  }

  /**
   * Replays (since, top] as one delta, or sends a snapshot when `since` is unusable or too old: too far
   * behind, or from before events since pruned (worker/live/retention.ts), whose amounts the replay would
   * miss. `top` is the last seq this watcher's audience can see (the seq itself for those who see everything).
   */
  catchUp(ws: WebSocket, since: number | null): void {
    const plan = this.source.plan();
    if (!plan) return;
    const audience = this.audienceOf(ws);
    const hidden = [...audience.hidden];
    const top = this.store.lastVisible(hidden, this.store.seq);
    if (since !== null && Number.isInteger(since) && since >= 0 && since <= top.seq && top.seq - since <= REPLAY_LIMIT && since >= this.store.meta("pruned_seq")) {
      send(ws, this.planMessage(plan, audience));
      send(ws, this.deltaMessage(since, top.seq, visible(this.store.changesSince(since, top.seq), audience), top.at));
      return;
    }
    const snap = this.source.snapshot(audience.hidden.size === 0);
    if (snap) send(ws, snap);
  }

  alertsMessage(seesRestricted: boolean): Alerts {
    return { type: "alerts", alerts: this.source.alerts(seesRestricted) };
  }

  broadcastAlerts(): void {
    const all = this.ctx.getWebSockets(SEES_ALL);
    const others = this.ctx.getWebSockets(SEES_PUBLIC);
    if (all.length > 0) broadcast(all, this.alertsMessage(true));
    if (others.length > 0) broadcast(others, this.alertsMessage(false));
  }

  private deltaMessage(from: number, seq: number, cells: Delta["cells"], lastActivityAt: number | null): Delta {
    return { type: "delta", from, seq, cells, lastActivityAt, at: Date.now() };
  }

  scheduleFrame(): void {
    if (this.frameTimer !== null) return;
    // Leading edge: an idle project sends at once; a busy one at most every FRAME_MS.
    // A timer (not the alarm) because it lives for at most FRAME_MS while the object is awake anyway.
    const wait = Math.max(0, this.lastFrameAt + FRAME_MS - Date.now());
    this.frameTimer = setTimeout(() => this.frame(), wait);
  }

  /**
   * Broadcasts everything accepted since the last frame as one delta. Watchers who may not see the
   * restricted fonds get only the visible cells, numbered in their own chain (the seq of the last event
   * they can see), and no frame at all when only hidden fonds changed: no step of theirs reveals that
   * a hidden fonds was worked on.
   */
  frame(): void {
    if (this.frameTimer !== null) {
      clearTimeout(this.frameTimer);
      this.frameTimer = null;
    }
    const from = this.store.meta("broadcast_seq");
    const seq = this.store.seq;
    if (seq <= from) return;
    this.lastFrameAt = Date.now();
    const plan = this.source.plan();
    const restricted = [...new Set(plan?.fonds.filter((f) => f.restricted).map((f) => f.code))];
    // Without restricted fonds every watcher gets the same frame, whatever its audience.
    const seeAll = restricted.length === 0 ? "frames:" : `${SEES_ALL}:`;
    const seeAllSockets = this.sockets.grouped(seeAll);
    const others = restricted.length === 0 ? null : this.sockets.grouped(`${SEES_PUBLIC}:`);
    if (seeAllSockets.count + (others?.count ?? 0) > 0) {
      const cells = this.store.changesSince(from, seq);
      const lists = this.sockets.listsOf(plan);
      if (seeAllSockets.count > 0) this.sockets.sendDelta(seeAllSockets, this.deltaMessage(from, seq, cells, this.store.meta("last_activity") || null), lists.all);
      const shown = others === null || others.count === 0 ? [] : visible(cells, { hidden: new Set(restricted) });
      if (others && shown.length > 0) {
        const before = this.store.lastVisible(restricted, from);
        const after = this.store.lastVisible(restricted, seq);
        this.sockets.sendDelta(others, this.deltaMessage(before.seq, after.seq, shown, after.at), lists.public);
      }
    }
    this.store.setMeta("broadcast_seq", seq);
  }

  /** The restricted fonds changed: every watcher starts again from a snapshot for its audience. */
  resnapshotAll(): void {
    this.frame();
    for (const ws of this.ctx.getWebSockets()) this.catchUp(ws, null);
  }

  /** A socket failed: it leaves every list and the others hear it is gone. */
  onError(ws: WebSocket): void {
    this.sockets.changed();
    this.broadcastPresence(ws);
  }

  broadcastPresence(leaving?: WebSocket): void {
    const sockets = this.ctx.getWebSockets().filter((s) => s !== leaving);
    broadcast(sockets, { type: "presence", viewers: viewersOf(sockets) });
  }

  /** A WebSocket upgrade forwarded by worker/routes/live.ts, the watcher already authorized (X-Watcher). */
  upgrade(request: Request): Response {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    if (!this.source.plan()) return new Response("unknown project", { status: 404 });
    const watcher = JSON.parse(decodeURIComponent(request.headers.get("X-Watcher") ?? "null")) as SocketAttachment | null;
    if (!watcher) return new Response("missing watcher", { status: 400 });
    const query = new URL(request.url).searchParams;
    const since = query.get("since");
    const encoding = query.get("frames") === "compact" ? "compact" : "json";
    return new Response(null, { status: 101, webSocket: this.accept(watcher, since === null ? null : Number(since), encoding) });
  }

  /** A new watcher: it starts exactly where the others are. */
  private accept(watcher: SocketAttachment, since: number | null, encoding: FrameEncoding = "json"): WebSocket {
    // Send what is pending to everyone else first, so this socket starts exactly at broadcast_seq.
    this.frame();
    const { 0: client, 1: server } = new WebSocketPair();
    const audience = watcher.seesRestricted ? SEES_ALL : SEES_PUBLIC;
    this.ctx.acceptWebSocket(server, [audience, `frames:${encoding}`, `${audience}:${encoding}`]);
    this.sockets.changed();
    server.serializeAttachment(watcher);
    this.catchUp(server, since);
    send(server, this.alertsMessage(watcher.seesRestricted));
    this.broadcastPresence();
    return client;
  }

  /** Keep-alive pings are answered by the runtime without waking the object. */
  static answerPings(ctx: DurableObjectState): void {
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** A watcher asks for what it missed (it saw a gap in the seq). */
  onMessage(ws: WebSocket, raw: string | ArrayBuffer): void {
    if (typeof raw !== "string" || raw.length > 200) return;
    let msg: ClientMessage;
    try {
      msg = JSON.parse(raw) as ClientMessage;
    } catch {
      return;
    }
    if (msg?.type === "resync") {
      this.frame();
      this.catchUp(ws, Number(msg.since));
    } else if (msg?.type === "viewing") {
      this.viewing(ws, msg.reportId);
    }
  }

  /** The watcher's page now shows this report (or none): kept with the socket, told to everyone. */
  private viewing(ws: WebSocket, reportId: unknown): void {
    const a = attachmentOf(ws);
    const id = typeof reportId === "string" && /^[\w-]{1,64}$/.test(reportId) ? reportId : undefined;
    if (!a || a.viewer.reportId === id) return;
    const { reportId: _, ...viewer } = a.viewer;
    const next: SocketAttachment = { ...a, viewer: id === undefined ? viewer : { ...viewer, reportId: id } };
    setAttachment(ws, next);
    this.broadcastPresence();
  }

  /** One message in two versions: all of it for who may see restricted fonds, the rest for the others. */
  broadcastByAudience(forAll: ServerMessage, forPublic: ServerMessage | null): void {
    broadcast(this.ctx.getWebSockets(SEES_ALL), forAll);
    if (forPublic) broadcast(this.ctx.getWebSockets(SEES_PUBLIC), forPublic);
  }

  onClose(ws: WebSocket, code: number, reason: string): void {
    this.sockets.changed();
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.broadcastPresence(ws);
  }

  /** Signed-out or revoked sessions lose their live feed at once; `code` tells the dashboard whether to come back (schema/wire.ts). */
  closeSessions(sessionIds: readonly string[], code: number, reason: string): number {
    const ids = new Set(sessionIds);
    let closed = 0;
    for (const ws of this.ctx.getWebSockets()) {
      if (ids.has(attachmentOf(ws)?.sessionId ?? "")) {
        ws.close(code, reason);
        closed++;
      }
    }
    if (closed > 0) {
      this.sockets.changed();
      this.broadcastPresence();
    }
    return closed;
  }
}
