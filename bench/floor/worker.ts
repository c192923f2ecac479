// The floor the live core is measured against: a Durable Object in the same workerd that takes the
// product's counter POSTs and sends watchers delta frames of the same bytes (the same coalescing per
// cell every 100 ms, the same JSON or compact encoding), with no authentication, validation, dedup or
// storage. What the product costs beyond it is the product's own work. Totals are kept in memory only so
// the benchmark can check the frames add up. Routes mirror the product's paths the benchmark calls.
import { DurableObject } from "cloudflare:workers";
import { encodeCells, type FrameLists } from "../../schema/compact-frame";
import type { Cell, CompactDelta, Delta } from "../../schema/wire";

interface FloorEnv {
  FLOOR: DurableObjectNamespace<FloorRoom>;
}

const FRAME_MS = 100;
const TAG = { json: "frames:json", compact: "frames:compact" } as const;
const KINDS = ["files", "documents", "pages", "metres", "metres_loose", "sheets"].map((key) => ({ key }));

export class FloorRoom extends DurableObject<FloorEnv> {
  private seq = 0;
  private broadcastSeq = 0;
  private lists: FrameLists = { fonds: [], kinds: KINDS, stations: [] };
  private pending = new Map<string, Cell>();
  private totals = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFrameAt = 0;

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const part = url.pathname.split("/").pop();
    if (part === "setup") {
      const body = (await request.json()) as { fonds: string[]; stations: string[] };
      this.lists = { fonds: body.fonds.map((code) => ({ code })), kinds: KINDS, stations: body.stations.map((id) => ({ id, name: id })) };
      return Response.json({ ok: true });
    }
    if (part === "counters") return this.counters(request);
    if (part === "snapshot") return Response.json(this.snapshot());
    if (part === "live") {
      const snapshot = JSON.stringify(this.snapshot()); // first: it sends what is pending to the others
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server, [url.searchParams.get("frames") === "compact" ? TAG.compact : TAG.json]);
      server.send(snapshot);
      return new Response(null, { status: 101, webSocket: client });
    }
    return new Response("not found", { status: 404 });
  }

  private async counters(request: Request): Promise<Response> {
    const station = (request.headers.get("Authorization") ?? "").slice("Bearer ".length);
    const { events } = (await request.json()) as { events: { fonds: string; kind: string; delta: number }[] };
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const e of events) {
      const key = `${e.fonds}\u0000${e.kind}\u0000${station}\u0000${day}`;
      const cell = this.pending.get(key);
      if (cell) cell.amount += e.delta;
      else this.pending.set(key, { fonds: e.fonds, kind: e.kind, station, day, amount: e.delta });
      const total = `${e.fonds}\u0000${e.kind}`;
      this.totals.set(total, (this.totals.get(total) ?? 0) + e.delta);
    }
    this.seq += events.length;
    if (this.timer === null) this.timer = setTimeout(() => this.frame(), Math.max(0, this.lastFrameAt + FRAME_MS - Date.now()));
    return Response.json({ accepted: events.length, duplicates: 0, seq: this.seq });
  }

  private frame(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.lastFrameAt = Date.now();
    const cells = [...this.pending.values()];
    const from = this.broadcastSeq;
    this.pending.clear();
    this.broadcastSeq = this.seq;
    const head = { from, seq: this.seq, lastActivityAt: this.lastFrameAt, at: this.lastFrameAt };
    const json = this.ctx.getWebSockets(TAG.json);
    if (json.length > 0) {
      const text = JSON.stringify({ type: "delta", ...head, cells } satisfies Delta);
      for (const ws of json) ws.send(text);
    }
    const compact = this.ctx.getWebSockets(TAG.compact);
    if (compact.length > 0) {
      const text = JSON.stringify({ type: "cdelta", ...head, ...encodeCells(cells, this.lists) } satisfies CompactDelta);
      for (const ws of compact) ws.send(text);
    }
  }

  private snapshot() {
    // Pending cells are not in the watchers' totals yet: the snapshot is as of the last frame.
    if (this.pending.size > 0) this.frame();
    const totals = [...this.totals].map(([key, amount]) => {
      const [fonds, kind] = key.split("\u0000");
      return { fonds, kind, amount };
    });
    return { type: "snapshot", seq: this.seq, fonds: this.lists.fonds, kinds: KINDS, stations: this.lists.stations, totals };
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, "closed");
  }
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const m = /^\/api\/v1\/projects\/([^/]+)\/(setup|counters|snapshot|live)$/.exec(new URL(request.url).pathname);
    if (!m) return new Response("{}", { status: new URL(request.url).pathname === "/api/v1/openapi.json" ? 200 : 404 });
    return env.FLOOR.get(env.FLOOR.idFromName(m[1]!)).fetch(request);
  },
} satisfies ExportedHandler<FloorEnv>;
