// The peer the live core is measured against: the project's counter room as a team would first write
// it with partyserver. Each POST adds its events to totals held in memory and broadcasts them to every
// connection at once (no coalescing); no dedup, so a station's retry counts twice, and an eviction
// forgets everything. It speaks enough of the product's paths and messages for bench/live.mjs to drive
// and check it the same way: POST …/counters answers {accepted, duplicates, seq}, the feed sends a
// `snapshot` then `delta` messages chained by from/seq.
import { getServerByName, Server, type Connection } from "partyserver";

interface PeerEnv {
  CounterRoom: DurableObjectNamespace<CounterRoom>;
}

interface CounterEvent {
  id: string;
  fonds: string;
  kind: string;
  delta: number;
}

export class CounterRoom extends Server {
  static override options = { hibernate: true };
  private seq = 0;
  private totals = new Map<string, number>();

  override onConnect(connection: Connection): void {
    connection.send(JSON.stringify(this.snapshot()));
  }

  override async onRequest(request: Request): Promise<Response> {
    if (request.method === "GET") return Response.json(this.snapshot());
    const station = (request.headers.get("Authorization") ?? "").replace(/^Bearer /, "");
    const body = (await request.json()) as { events?: CounterEvent[] };
    const events = body.events;
    if (!Array.isArray(events) || events.length === 0 || events.length > 500) return Response.json({ error: "bad batch" }, { status: 400 });
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const e of events) {
      const key = `${e.fonds}\u0000${e.kind}`;
      this.totals.set(key, (this.totals.get(key) ?? 0) + e.delta);
    }
    const from = this.seq;
    this.seq += events.length;
    const cells = events.map((e) => ({ fonds: e.fonds, kind: e.kind, station, day, amount: e.delta }));
    this.broadcast(JSON.stringify({ type: "delta", from, seq: this.seq, cells, lastActivityAt: Date.now(), at: Date.now() }));
    return Response.json({ accepted: events.length, duplicates: 0, seq: this.seq });
  }

  private snapshot() {
    const totals = [...this.totals].map(([key, amount]) => {
      const [fonds, kind] = key.split("\u0000");
      return { fonds, kind, amount };
    });
    return { type: "snapshot", seq: this.seq, fonds: [], kinds: [], stations: [], totals };
  }
}

export default {
  async fetch(request: Request, env: PeerEnv): Promise<Response> {
    const path = new URL(request.url).pathname;
    const m = /^\/api\/v1\/projects\/([^/]+)\/(counters|snapshot|live)$/.exec(path);
    if (!m) return new Response("{}", { status: path === "/api/v1/openapi.json" ? 200 : 404 });
    const room = await getServerByName(env.CounterRoom, m[1]!);
    return room.fetch(request);
  },
} satisfies ExportedHandler<PeerEnv>;
