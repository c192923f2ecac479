// The station counter contract (README "The station counter API") as a small in-memory server for the
// agent's tests: dedup by id, 409 on an id with other content, 400 per event, 429 with Retry-After when
// asked, 415 without a JSON content type. Reachable in-process (`fetch`) or over real HTTP (`listen`).
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

interface Posted {
  id: string;
  fonds: string;
  kind: string;
  delta: number;
  at?: string;
}

export class CounterContract {
  readonly accepted = new Map<string, string>();
  readonly totals = new Map<string, number>();
  readonly userAgents = new Set<string>();
  posts = 0;
  /** Every nth post is answered 429 (0: never). */
  rateLimitEvery = 0;
  /** Fonds the project has; others are a 400 for that event. */
  fonds: Set<string> | null = null;

  total(): number {
    return [...this.totals.values()].reduce((a, b) => a + b, 0);
  }

  handle(headers: Record<string, string | undefined>, text: string): { status: number; body: unknown; headers?: Record<string, string> } {
    this.posts++;
    if (headers["user-agent"]) this.userAgents.add(headers["user-agent"]);
    if (headers.authorization !== "Bearer station-token") return { status: 401, body: { error: { code: "unauthorized", message: "bad token" } } };
    if (!/^application\/json/.test(headers["content-type"] ?? "")) return { status: 415, body: { error: { code: "unsupported_media_type", message: "json only" } } };
    if (this.rateLimitEvery > 0 && this.posts % this.rateLimitEvery === 0) return { status: 429, body: { error: { code: "rate_limited", message: "slow down" } }, headers: { "retry-after": "1" } };
    const events = (JSON.parse(text) as { events: Posted[] }).events;
    if (events.length < 1 || events.length > 500) return { status: 400, body: { error: { code: "validation_failed", message: "1–500 events" } } };
    const invalid = events.flatMap((e, index) =>
      !Number.isInteger(e.delta) || e.delta <= 0 || (this.fonds && !this.fonds.has(e.fonds)) ? [{ index, path: `events.${index}`, field: "fonds", message: `bad event ${e.id}` }] : [],
    );
    if (invalid.length > 0) return { status: 400, body: { error: { code: "validation_failed", message: "invalid events", details: invalid } } };
    const inBatch = new Map<string, string>();
    const conflicts = events.flatMap((e, index) => {
      const content = `${e.fonds}|${e.kind}|${e.delta}|${e.at?.slice(0, 10) ?? ""}`;
      const before = this.accepted.get(e.id) ?? inBatch.get(e.id);
      inBatch.set(e.id, content);
      return before !== undefined && before !== content ? [{ index, path: `events.${index}.id`, field: "id", message: `id ${e.id} has other content` }] : [];
    });
    if (conflicts.length > 0) return { status: 409, body: { error: { code: "conflict", message: "conflict", details: conflicts } } };
    let accepted = 0;
    for (const e of events) {
      if (this.accepted.has(e.id)) continue;
      this.accepted.set(e.id, inBatch.get(e.id)!);
      this.totals.set(e.fonds, (this.totals.get(e.fonds) ?? 0) + e.delta);
      accepted++;
    }
    return { status: 200, body: { accepted, duplicates: events.length - accepted, seq: this.accepted.size } };
  }

  /** In-process: the agent's requests never leave the test. */
  readonly fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const r = this.handle(headers, String(init?.body));
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { "content-type": "application/json", ...r.headers } });
  }) as typeof fetch;

  /** Over HTTP on 127.0.0.1; `close` drops open connections at once, as a crash would. */
  async listen(port = 0): Promise<{ url: string; port: number; close(): Promise<void> }> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((req, res) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (text += chunk));
      req.on("end", () => {
        const r = this.handle(req.headers as Record<string, string>, text);
        res.writeHead(r.status, { "content-type": "application/json", ...r.headers }).end(JSON.stringify(r.body));
      });
    });
    server.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const bound = (server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${bound}`,
      port: bound,
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    };
  }
}
