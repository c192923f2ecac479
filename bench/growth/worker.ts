// The growth benchmark's object (bench/growth.mjs): the product's LiveStore (worker/live/store.ts) and
// snapshot builder (worker/live/snapshot.ts) in a Durable Object of their own, seeded with N stored events
// by SQL that writes the rows store.ingest writes (events by id, the cells they add up to, the seqs), so
// ten million take minutes rather than hours. Nothing of the product's routing, auth or D1 is involved:
// what is measured is what the stored events cost the work a post and a snapshot do in the object.
// The workerd clock stands still while JavaScript runs, so each measured step is one request and the
// benchmark times it from outside, against a request that does nothing (`noop`).
import { DurableObject } from "cloudflare:workers";
import { projectCalendar } from "../../schema/calendar";
import type { FondsPlan } from "../../schema/wire";
import type { ProjectPlan } from "../../worker/live/plan";
import { oldestKeptDay, pruneExpired, PRUNE_BATCH } from "../../worker/live/retention";
import { buildSnapshot } from "../../worker/live/snapshot";
import { LiveStore } from "../../worker/live/store";
import type { CounterEvent } from "../../worker/live/validate";
import { audienceFor } from "../../worker/live/visibility";
import { dayInZone } from "../../schema/time";
import { EVENT_RETENTION_DAYS } from "../../schema/api-base";

interface GrowthEnv {
  GROWTH: DurableObjectNamespace<GrowthRoom>;
}

const ZONE = "Asia/Ho_Chi_Minh";
const STATIONS = 50;
const FONDS = 21;
const KINDS = ["files", "documents", "pages"];
const DAY_MS = 86_400_000;

/** A plan like the Hà Tĩnh fixture's: 21 fonds (one restricted, so a leader's snapshot hides it), 3 kinds, 50 stations. */
function benchPlan(now: number): ProjectPlan {
  const fonds: FondsPlan[] = Array.from({ length: FONDS }, (_, i) => ({
    code: String(i + 1),
    name: `Phông ${i + 1}`,
    agency: "",
    restricted: i === FONDS - 1,
    approved: Object.fromEntries(KINDS.map((k) => [k, 1_000_000])),
    funded: {},
  }));
  const stations = Array.from({ length: STATIONS }, (_, i) => ({ id: `st-${i}`, name: `Trạm ${i}` }));
  return {
    project: { id: "growth", provinceId: "bench", name: "Đo tăng trưởng", legalBasis: "", periodStart: dayInZone(now - 400 * DAY_MS, ZONE), periodEnd: dayInZone(now + 400 * DAY_MS, ZONE), timeZone: ZONE },
    fonds,
    stations,
    stationTokens: new Map(),
    calendar: projectCalendar(null),
  };
}

// Numbers arrive as SQLite REALs ("st-1.0"), hence the casts. ?1 first seq, ?2 last seq, ?3 the first day of the window, ?4 the size the object is seeded to (the
// window's 90 days are spread over it, in seq order as a real project's are), ?5 days in the window.
// A station works one fonds a day (the fonds changes with the day), kinds in turn; ids as the scan agent
// makes them (`pg-` and 40 random hex digits: random, so the id index grows as it does in use).
const SEED_EVENTS = `
  WITH RECURSIVE s(x) AS (SELECT CAST(?1 AS INTEGER) UNION ALL SELECT x + 1 FROM s WHERE x < ?2),
  e AS (SELECT x, (x - 1) * CAST(?5 AS INTEGER) / CAST(?4 AS INTEGER) AS d, x % ${STATIONS} AS st FROM s)
  INSERT INTO events (seq, id, station, fonds, kind, delta, at, day)
  SELECT x, 'pg-' || lower(hex(randomblob(20))), 'st-' || st, CAST((st + d) % ${FONDS} + 1 AS TEXT),
         CASE (x / ${STATIONS}) % 3 WHEN 0 THEN 'files' WHEN 1 THEN 'documents' ELSE 'pages' END,
         1 + x % 20, (CAST(strftime('%s', date(?3, '+' || d || ' days')) AS INTEGER) + 3600 + x % 36000) * 1000,
         date(?3, '+' || d || ' days')
  FROM e`;

const SEED_CELLS = `
  INSERT INTO cells (fonds, kind, station, day, amount, changed_seq)
  SELECT fonds, kind, station, day, SUM(delta), MAX(seq) FROM events WHERE seq BETWEEN ?1 AND ?2 GROUP BY fonds, kind, station, day
  ON CONFLICT (fonds, kind, station, day) DO UPDATE SET amount = amount + excluded.amount, changed_seq = excluded.changed_seq`;

export class GrowthRoom extends DurableObject<GrowthEnv> {
  private readonly store: LiveStore;
  private posted = 0;
  private retries: CounterEvent[][] = [];

  constructor(ctx: DurableObjectState, env: GrowthEnv) {
    super(ctx, env);
    this.store = new LiveStore(ctx.storage);
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const q = (name: string) => Number(url.searchParams.get(name) ?? 0);
    const now = Date.now();
    switch (url.pathname.split("/").pop()) {
      case "noop":
        return Response.json({ seq: this.store.seq });
      case "seed":
        return Response.json(this.seed(q("count"), q("total"), now));
      case "new":
        return Response.json(this.repeat(q("times"), () => this.store.ingest("st-1", this.newBatch(now), now)));
      case "pick-retry":
        // Apart from "retry", so the measured request does only the ingests.
        this.retries = [];
        for (let i = 0; i < (q("times") || 1); i++) this.retries.push(this.retryBatch(now));
        return Response.json({ picked: this.retries.reduce((n, b) => n + b.length, 0) });
      case "retry": {
        const batches = this.retries.splice(0);
        return Response.json(this.repeat(batches.length, (i) => this.store.ingest("st-1", batches[i]!, now)));
      }
      case "snapshot": {
        const plan = benchPlan(now);
        const audience = audienceFor(plan.fonds, url.searchParams.get("audience") !== "leader");
        return Response.json(this.repeat(q("times"), () => {
          const snap = buildSnapshot(this.store, plan, audience, now);
          return { seq: snap.seq, accepted: snap.totals.length, duplicates: 0 };
        }));
      }
      case "prune":
        // As the alarm would `days` days from now: the oldest of the seeded window falls out of it.
        return Response.json(pruneExpired(this.store, now + q("days") * DAY_MS, ZONE, q("limit") || PRUNE_BATCH));
      case "reindex":
        // What an object created before the retention pays once, on its first start: building the day index.
        this.ctx.storage.sql.exec("DROP INDEX IF EXISTS events_day");
        this.ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS events_day ON events (day)");
        return Response.json({ ok: true });
      case "size":
        return Response.json({
          events: this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n,
          cells: this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM cells").one().n,
          bytes: this.ctx.storage.sql.databaseSize,
        });
      default:
        return new Response("not found", { status: 404 });
    }
  }

  /** Runs `step` `times` times (at least once): one request times them all, the round trip shared. */
  private repeat(times: number, step: (i: number) => { accepted?: number; duplicates?: number } & object): { times: number; accepted: number; duplicates: number } {
    const n = Math.max(1, times);
    let accepted = 0;
    let duplicates = 0;
    for (let i = 0; i < n; i++) {
      const r = step(i);
      accepted += r.accepted ?? 0;
      duplicates += r.duplicates ?? 0;
    }
    return { times: n, accepted, duplicates };
  }

  /** Adds `count` events to an object being seeded to `total`, days spread over the window ending today. */
  private seed(count: number, total: number, now: number): { seq: number } {
    const from = this.store.seq + 1;
    const to = from + count - 1;
    const firstDay = oldestKeptDay(now, ZONE);
    this.ctx.storage.transactionSync(() => {
      this.ctx.storage.sql.exec(SEED_EVENTS, from, to, firstDay, total, EVENT_RETENTION_DAYS + 1);
      this.ctx.storage.sql.exec(SEED_CELLS, from, to);
      for (const key of ["seq", "flushed_seq", "broadcast_seq"] as const) this.store.setMeta(key, to);
    });
    return { seq: to };
  }

  /** 50 events never seen, of today, as a station posts them. */
  private newBatch(now: number): CounterEvent[] {
    const day = dayInZone(now, ZONE);
    return Array.from({ length: 50 }, (_, i) => ({
      id: `pg-${crypto.randomUUID().replaceAll("-", "")}${String(this.posted++).padStart(8, "0")}`,
      fonds: String((i % FONDS) + 1),
      kind: KINDS[i % 3]!,
      delta: 3,
      at: now,
      day,
    }));
  }

  /** 50 ids already stored, from anywhere in the table, sent again by their station with their stored content: all duplicates. */
  private retryBatch(now: number): CounterEvent[] {
    // Seeded seqs 50k + 1 are station st-1's (SEED_EVENTS).
    const perStation = Math.floor(this.store.seq / STATIONS);
    if (perStation < 1000) {
      // Next to nothing seeded (N = 0): the batches this benchmark posted, newest first, as a station retries its last.
      return this.ctx.storage.sql
        .exec<{ id: string; fonds: string; kind: string; delta: number; at: number; day: string }>(
          "SELECT id, fonds, kind, delta, at, day FROM events WHERE station = 'st-1' ORDER BY seq DESC LIMIT 50 OFFSET ?",
          this.retries.length * 50,
        )
        .toArray();
    }
    const seqs = new Set<number>();
    while (seqs.size < 50) seqs.add(Math.floor(Math.random() * perStation) * STATIONS + 1);
    return this.ctx.storage.sql
      .exec<{ id: string; fonds: string; kind: string; delta: number; at: number; day: string }>(
        "SELECT id, fonds, kind, delta, at, day FROM events WHERE seq IN (SELECT value FROM json_each(?)) AND station = 'st-1'",
        JSON.stringify([...seqs]),
      )
      .toArray();
  }
}

export default {
  async fetch(request: Request, env: GrowthEnv): Promise<Response> {
    const url = new URL(request.url);
    // What scripts/lib/local-server.mjs waitUntilReady asks for.
    if (url.pathname === "/api/v1/openapi.json") return Response.json({});
    const room = url.searchParams.get("room") ?? "growth";
    return env.GROWTH.get(env.GROWTH.idFromName(room)).fetch(request);
  },
} satisfies ExportedHandler<GrowthEnv>;
