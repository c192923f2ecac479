// One Durable Object per province (idFromName(provinceId)): it holds the latest card of each of the
// province's projects, as each project's object pushes it (worker/live/province-push.ts), and hands them
// to the province overview's watchers over one hibernatable socket each. So 500 leaders watching a
// province of 50 projects hold 500 sockets here, not 25,000 across the projects, and a project's posts
// cost its province two small updates a second at most. Which card goes to whom is in cards.ts.
import { DurableObject } from "cloudflare:workers";
import { CARD_INTERVAL_MS, type AudienceCards, type ProvinceCards } from "../../schema/province-wire";
import { CLOSE_ACCESS_CHANGED, PING, PONG } from "../../schema/wire";
import { roomFor } from "../lib/app-env";
import { cardsFor, changeTexts, type ProvinceWatcher } from "./cards";

const CARD_KEY = "card:";

export class ProvinceRoom extends DurableObject<Env> {
  private readonly held = new Map<string, AudienceCards>();
  private readonly changed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastBroadcastAt = 0;
  /** deserializeAttachment is a structured-clone read: kept per socket object. */
  private readonly watchers = new WeakMap<WebSocket, ProvinceWatcher | null>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    // The cards survive eviction, so a watcher waking the object gets them without asking every project.
    void ctx.blockConcurrencyWhile(async () => {
      for (const [key, cards] of await ctx.storage.list<AudienceCards>({ prefix: CARD_KEY })) this.held.set(key.slice(CARD_KEY.length), cards);
    });
  }

  /** A project's card changed (its object calls at most once per CARD_INTERVAL_MS). */
  async update(projectId: string, cards: AudienceCards): Promise<void> {
    const known = this.held.has(projectId);
    this.held.set(projectId, cards);
    await this.ctx.storage.put(CARD_KEY + projectId, cards);
    // A project created after a watcher connected is not in what it may see: it reconnects and the
    // route works its rights out again (worker/routes/province-live.ts).
    if (!known) for (const ws of this.ctx.getWebSockets()) if (this.watcherOf(ws)?.projects[projectId] === undefined) ws.close(CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.reason);
    this.changed.add(projectId);
    // The first change after a quiet spell goes out at once; changes within the interval wait for it.
    this.timer ??= setTimeout(() => this.broadcast(), Math.max(0, this.lastBroadcastAt + CARD_INTERVAL_MS - Date.now()));
  }

  /** The cards this object holds now, for the test that they equal the projects' own. */
  cards(): Record<string, AudienceCards> {
    return Object.fromEntries(this.held);
  }

  /** Signed-out or revoked sessions lose their feed at once (worker/live/evict.ts). */
  closeSessions(sessionIds: string[], code: number, reason: string): number {
    const ids = new Set(sessionIds);
    let closed = 0;
    for (const ws of this.ctx.getWebSockets()) {
      if (!ids.has(this.watcherOf(ws)?.sessionId ?? "")) continue;
      ws.close(code, reason);
      closed++;
    }
    return closed;
  }

  /** WebSocket upgrade, forwarded by worker/routes/province-live.ts with the watcher's rights worked out. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const watcher = JSON.parse(decodeURIComponent(request.headers.get("X-Watcher") ?? "null")) as ProvinceWatcher | null;
    if (!watcher) return new Response("missing watcher", { status: 400 });
    const ids = Object.keys(watcher.projects);
    await this.fetchMissing(ids);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(watcher);
    this.watchers.set(server, watcher);
    server.send(JSON.stringify({ type: "cards", whole: true, cards: cardsFor(watcher, ids, this.held), at: Date.now() } satisfies ProvinceCards));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  /** Projects that have not pushed a card since this object began (no post since): asked once. */
  private async fetchMissing(projectIds: string[]): Promise<void> {
    const missing = projectIds.filter((id) => !this.held.has(id));
    const got = await Promise.all(missing.map(async (id) => [id, await roomFor(this.env, id).provinceCards(Date.now())] as const));
    for (const [id, cards] of got) {
      if (!cards) continue;
      this.held.set(id, cards);
      await this.ctx.storage.put(CARD_KEY + id, cards);
    }
  }

  private broadcast(): void {
    this.timer = null;
    this.lastBroadcastAt = Date.now();
    const changed = new Set(this.changed);
    this.changed.clear();
    const watchers = this.ctx.getWebSockets().flatMap((socket) => {
      const watcher = this.watcherOf(socket);
      return watcher ? [{ socket, watcher }] : [];
    });
    for (const { socket, text } of changeTexts(watchers, changed, this.held, Date.now())) {
      try {
        socket.send(text);
      } catch {
        // a broken socket is closed by the runtime; the others still get theirs
      }
    }
  }

  private watcherOf(ws: WebSocket): ProvinceWatcher | null {
    let w = this.watchers.get(ws);
    if (w === undefined) {
      w = (ws.deserializeAttachment() as ProvinceWatcher | null) ?? null;
      this.watchers.set(ws, w);
    }
    return w;
  }
}
