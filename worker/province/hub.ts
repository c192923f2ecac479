// What the province's and the nation's Durable Objects share: they hold the latest item of each of
// their parts (a project's cards, a province's summary) as the parts push them, and hand them to their
// watchers over one hibernatable socket each, the changes coalesced to at most one message per
// CARD_INTERVAL_MS, one text per distinct view (views.ts). Subclasses say how an item reads for a
// watcher, how the message is written, and where a missing item comes from.
import { DurableObject } from "cloudflare:workers";
import { CARD_INTERVAL_MS } from "../../schema/province-wire";
import { CLOSE_ACCESS_CHANGED, PING, PONG } from "../../schema/wire";
import { changeTexts, itemsFor, type HubWatcher } from "./views";

const ITEM_KEY = "item:";

export abstract class Hub<Item> extends DurableObject<Env> {
  protected readonly held = new Map<string, Item>();
  /** What every watcher holds: each part as last broadcast (a new watcher starts from it too). */
  private readonly sent = new Map<string, Item>();
  private readonly changed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastBroadcastAt = 0;
  /** deserializeAttachment is a structured-clone read: kept per socket object. */
  private readonly watchers = new WeakMap<WebSocket, HubWatcher | null>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    // The items survive eviction, so a watcher waking the object gets them without asking every part.
    void ctx.blockConcurrencyWhile(async () => {
      // Nothing is pending when an object hibernates (a broadcast timer keeps it awake), so what was
      // stored is also what its watchers hold.
      for (const [key, item] of await ctx.storage.list<Item>({ prefix: ITEM_KEY })) {
        this.held.set(key.slice(ITEM_KEY.length), item);
        this.sent.set(key.slice(ITEM_KEY.length), item);
      }
    });
  }

  /** How `item` reads for a watcher who may (or may not) see restricted fonds. */
  protected abstract view(item: Item, seesRestricted: boolean): unknown;
  /** The field of a view that names its part (a patch always carries it). */
  protected abstract readonly idKey: string;
  /** The message of whole views, or of patches (changed fields only) on what the watcher holds. */
  protected abstract message(items: unknown[], whole: boolean, at: number): string;
  /** Items of parts that have not pushed one since this object began. */
  protected abstract fetchItem(id: string): Promise<Item | null>;
  /** After each broadcast (the province tells the nation). */
  protected afterBroadcast(): void {}

  /** A part's item changed (its object calls at most once per CARD_INTERVAL_MS). */
  async update(id: string, item: Item): Promise<void> {
    const known = this.held.has(id);
    await this.keep(id, item);
    // A part created after a watcher connected is not in what it may see: it reconnects and its route
    // works its rights out again.
    if (!known) for (const ws of this.ctx.getWebSockets()) if (this.watcherOf(ws)?.sees[id] === undefined) ws.close(CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.reason);
    this.changed.add(id);
    // The first change after a quiet spell goes out at once; changes within the interval wait for it.
    this.timer ??= setTimeout(() => this.broadcast(), Math.max(0, this.lastBroadcastAt + CARD_INTERVAL_MS - Date.now()));
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

  /** WebSocket upgrade, forwarded by the route with what the watcher may see worked out. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const watcher = JSON.parse(decodeURIComponent(request.headers.get("X-Watcher") ?? "null")) as HubWatcher | null;
    if (!watcher) return new Response("missing watcher", { status: 400 });
    const ids = Object.keys(watcher.sees);
    await this.fetchMissing(ids);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(watcher);
    this.watchers.set(server, watcher);
    // What the others hold; what changed since comes to everyone with the next broadcast.
    server.send(this.message(itemsFor(watcher, ids, this.sent, (item, sees) => this.view(item, sees)), true, Date.now()));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  /** Asks the parts among `ids` this object holds nothing of. */
  protected async fetchMissing(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.filter((id) => !this.held.has(id)).map(async (id) => {
        const item = await this.fetchItem(id);
        if (!item || this.held.has(id)) return;
        await this.keep(id, item);
        this.sent.set(id, item);
      }),
    );
  }

  private async keep(id: string, item: Item): Promise<void> {
    this.held.set(id, item);
    await this.ctx.storage.put(ITEM_KEY + id, item);
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
    const texts = changeTexts(watchers, changed, this.sent, this.held, (item, sees) => this.view(item, sees), this.idKey, (patches) => this.message(patches, false, this.lastBroadcastAt));
    for (const id of changed) {
      const item = this.held.get(id);
      if (item !== undefined) this.sent.set(id, item);
    }
    for (const { socket, text } of texts) {
      try {
        socket.send(text);
      } catch {
        // a broken socket is closed by the runtime; the others still get theirs
      }
    }
    this.afterBroadcast();
  }

  private watcherOf(ws: WebSocket): HubWatcher | null {
    let w = this.watchers.get(ws);
    if (w === undefined) {
      w = (ws.deserializeAttachment() as HubWatcher | null) ?? null;
      this.watchers.set(ws, w);
    }
    return w;
  }
}
