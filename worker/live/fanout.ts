// Fan-out of one project's live state to its watchers: coalesced delta frames, catch-up on
// (re)connect, presence and alerts, each filtered for the watcher's audience (restricted fonds).
// Owned by the project's Durable Object (worker/live/room.ts), which says what the state is.
import type { Alerts, AlertView, Delta, PlanChanged, Snapshot } from "../../schema/wire";
import { attachmentOf, broadcast, send, viewersOf } from "./feed";
import { wireCalendar, type ProjectPlan } from "./plan";
import type { LiveStore } from "./store";
import { audienceFor, visible, visibleFonds, type Audience } from "./visibility";

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
  private lastFrameAt = 0;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly store: LiveStore,
    private readonly source: FanoutSource,
  ) {}

  audienceOf(ws: WebSocket): Audience {
    return audienceFor(this.source.plan()?.fonds ?? [], attachmentOf(ws)?.seesRestricted ?? false);
  }

  planMessage(plan: ProjectPlan, audience: Audience): PlanChanged {
    return { type: "plan", fonds: visibleFonds(plan.fonds, audience), stations: plan.stations, calendar: wireCalendar(plan) };
  }

  /**
   * Replays (since, top] as one delta, or sends a snapshot when `since` is unusable or too old. `top` is
   * the last seq this watcher's audience can see (the seq itself for those who see everything).
   */
  catchUp(ws: WebSocket, since: number | null): void {
    const plan = this.source.plan();
    if (!plan) return;
    const audience = this.audienceOf(ws);
    const hidden = [...audience.hidden];
    const top = this.store.lastVisible(hidden, this.store.seq);
    if (since !== null && Number.isInteger(since) && since >= 0 && since <= top.seq && top.seq - since <= REPLAY_LIMIT) {
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
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return;
    broadcast(sockets.filter((ws) => attachmentOf(ws)?.seesRestricted), this.alertsMessage(true));
    broadcast(sockets.filter((ws) => !attachmentOf(ws)?.seesRestricted), this.alertsMessage(false));
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
    const sockets = this.ctx.getWebSockets();
    if (sockets.length > 0) {
      const cells = this.store.changesSince(from, seq);
      const restricted = [...new Set(this.source.plan()?.fonds.filter((f) => f.restricted).map((f) => f.code))];
      const seeAll = restricted.length === 0 ? sockets : sockets.filter((ws) => attachmentOf(ws)?.seesRestricted);
      broadcast(seeAll, this.deltaMessage(from, seq, cells, this.store.meta("last_activity") || null));
      const others = restricted.length === 0 ? [] : sockets.filter((ws) => !attachmentOf(ws)?.seesRestricted);
      const shown = others.length === 0 ? [] : visible(cells, { hidden: new Set(restricted) });
      if (shown.length > 0) {
        const before = this.store.lastVisible(restricted, from);
        const after = this.store.lastVisible(restricted, seq);
        broadcast(others, this.deltaMessage(before.seq, after.seq, shown, after.at));
      }
    }
    this.store.setMeta("broadcast_seq", seq);
  }

  /** The restricted fonds changed: every watcher starts again from a snapshot for its audience. */
  resnapshotAll(): void {
    this.frame();
    for (const ws of this.ctx.getWebSockets()) this.catchUp(ws, null);
  }

  broadcastPresence(leaving?: WebSocket): void {
    const sockets = this.ctx.getWebSockets().filter((s) => s !== leaving);
    broadcast(sockets, { type: "presence", viewers: viewersOf(sockets) });
  }
}
