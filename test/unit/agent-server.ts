// The station counter contract as a small in-process server for the agent's unit tests and its benchmark,
// where starting the real app per case would cost minutes. It judges a batch with the real server's own
// rules, not a copy: the request schema (schema/api-counters.ts), the per-event checks (worker/live/
// validate.ts: fonds, kind, delta, time, day in the project's zone) and the duplicate-or-conflict rule
// (worker/live/dedup.ts: station, fonds, kind, delta, day). What it adds is what a test needs to provoke:
// 429 with Retry-After on every nth post, and a fonds list to make a 400. The agent against the real app,
// killed and restarted, is test/browser/agent-restart.test.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { CounterBatchSchema } from "../../schema/api";
import { type EventContent, sortBatch } from "../../worker/live/dedup";
import { checkBatch, type EventError } from "../../worker/live/validate";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** The station each token belongs to; the station is part of an event's content (dedup.ts). */
export const STATION_TOKENS: ReadonlyMap<string, string> = new Map([
  ["station-token", "tram-1"],
  ["other-station-token", "tram-2"],
]);

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const refuse = (status: number, code: string, message: string, details?: EventError[] | unknown[]): Reply => ({
  status,
  body: { error: details === undefined ? { code, message } : { code, message, details } },
});

export class CounterContract {
  /** Every id taken, with its content as the real store keeps it. */
  readonly accepted = new Map<string, EventContent>();
  readonly totals = new Map<string, number>();
  readonly userAgents = new Set<string>();
  posts = 0;
  /** Every nth post is answered 429 (0: never). */
  rateLimitEvery = 0;
  /** Fonds the project has; null: whatever fonds a batch names exists. */
  fonds: Set<string> | null = null;

  total(): number {
    return [...this.totals.values()].reduce((a, b) => a + b, 0);
  }

  handle(headers: Record<string, string | undefined>, text: string): Reply {
    this.posts++;
    if (headers["user-agent"]) this.userAgents.add(headers["user-agent"]);
    const station = STATION_TOKENS.get(headers.authorization?.replace(/^Bearer /, "") ?? "");
    if (!station) return refuse(401, "unauthorized", "Mã truy cập không hợp lệ (invalid token)");
    if (!/^application\/json/.test(headers["content-type"] ?? "")) return refuse(415, "unsupported_media_type", "json only");
    if (this.rateLimitEvery > 0 && this.posts % this.rateLimitEvery === 0) return { ...refuse(429, "rate_limited", "too many requests"), headers: { "retry-after": "1" } };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(400, "validation_failed", "not JSON");
    }
    const parsed = CounterBatchSchema.safeParse(json);
    if (!parsed.success) return refuse(400, "validation_failed", "invalid batch", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    const input = parsed.data.events;
    const now = Date.now();
    const checked = checkBatch(input, { fondsCodes: this.fonds ?? new Set(input.map((e) => e.fonds)), kinds: new Set(["pages"]), periodStart: "2000-01-01", timeZone: TIME_ZONE, now });
    if (!checked.ok) return refuse(400, "validation_failed", "invalid events; nothing counted", checked.errors);
    const sorted = sortBatch(station, checked.events, this.accepted);
    if (!sorted.ok) return refuse(409, "conflict", "event ids already accepted with other content; nothing counted", sorted.conflicts);
    for (const e of sorted.fresh) {
      this.accepted.set(e.id, { station, fonds: e.fonds, kind: e.kind, delta: e.delta, day: e.day });
      this.totals.set(e.fonds, (this.totals.get(e.fonds) ?? 0) + e.delta);
    }
    return { status: 200, body: { accepted: sorted.fresh.length, duplicates: sorted.duplicates, seq: this.accepted.size } };
  }

  /** In-process: the agent's requests never leave the test. */
  readonly fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const r = this.handle(headers, String(init?.body));
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { "content-type": "application/json", ...r.headers } });
  }) as typeof fetch;

  /** Over HTTP on 127.0.0.1; `close` drops open connections at once. */
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
