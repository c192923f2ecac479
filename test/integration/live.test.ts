import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CounterEventInput } from "../../schema/api";
import { PING, PONG, type Snapshot } from "../../schema/wire";
import { api, createProject, get, OPERATOR, postCounters, room, signIn, Watcher } from "./helpers";

const KINDS = ["files", "documents", "pages"] as const;
const FONDS = ["1", "2", "3"];

/** Deterministic events of one station: fonds, kind and delta vary with the index. */
function stationEvents(station: number, n: number): CounterEventInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${station}-e${i}`,
    fonds: FONDS[(station + i) % FONDS.length]!,
    kind: KINDS[i % KINDS.length]!,
    delta: 1 + ((station * 7 + i) % 13),
  }));
}

function expectedTotals(all: CounterEventInput[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of all) m.set(`${e.fonds}/${e.kind}`, (m.get(`${e.fonds}/${e.kind}`) ?? 0) + e.delta);
  return m;
}

async function snapshotTotals(projectId: string): Promise<{ seq: number; totals: Map<string, number> }> {
  const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
  return { seq: snap.seq, totals: new Map(snap.totals.map((t) => [`${t.fonds}/${t.kind}`, t.amount])) };
}

/** Runs the flush alarm until the outbox is empty, then reads D1's aggregate and event log. */
/** Events the project's object has accepted but not yet written to D1. */
function outboxLeft(projectId: string): Promise<number> {
  return runInDurableObject(room(projectId), (_, state) => {
    const meta = new Map(state.storage.sql.exec<{ key: string; value: number }>("SELECT key, value FROM meta").toArray().map((r) => [r.key, r.value]));
    return (meta.get("seq") ?? 0) - (meta.get("flushed_seq") ?? 0);
  });
}

async function d1Totals(projectId: string): Promise<{ totals: Map<string, number>; events: number }> {
  const stub = room(projectId);
  // Each alarm run flushes one chunk and sets the alarm for the next. workerd also runs an alarm that is
  // due by itself, and then none is left for runDurableObjectAlarm to run: drain until the outbox is empty.
  const deadline = Date.now() + 10_000;
  while ((await outboxLeft(projectId)) > 0) {
    if (Date.now() > deadline) throw new Error(`outbox not flushed: ${await outboxLeft(projectId)} events left`);
    if (!(await runDurableObjectAlarm(stub))) await new Promise((r) => setTimeout(r, 20));
  }
  const { results } = await env.DB.prepare(
    "SELECT fonds_code AS fonds, kind, SUM(amount) AS amount FROM daily_totals WHERE project_id = ? GROUP BY fonds_code, kind",
  )
    .bind(projectId)
    .all<{ fonds: string; kind: string; amount: number }>();
  const count = await env.DB.prepare("SELECT COUNT(*) AS n, SUM(delta) AS s FROM counter_events WHERE project_id = ?").bind(projectId).first<{ n: number }>();
  return { totals: new Map(results.map((r) => [`${r.fonds}/${r.kind}`, r.amount])), events: count?.n ?? 0 };
}

async function postAll(projectId: string, token: string, events: CounterEventInput[], batch = 100): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const res = await postCounters(projectId, token, { events: events.slice(i, i + batch) });
    expect(res.status).toBe(200);
  }
}

describe("live feed: GET /api/v1/projects/:projectId/live", () => {
  it("sends a snapshot on connect, then coalesced deltas with strictly increasing seq", async () => {
    const { projectId, tokens } = await createProject();
    const w = await Watcher.open(projectId);
    await w.until((m) => m.some((x) => x.type === "snapshot"));
    const first = w.messages.find((m) => m.type === "snapshot") as Snapshot;
    expect(first.seq).toBe(0);
    expect(first.fonds.map((f) => f.code)).toEqual(["1", "2", "3"]);
    expect(first.fonds[0]?.approved.documents).toBe(4895);
    const evs = stationEvents(1, 30);
    await Promise.all([0, 10, 20].map((i) => postCounters(projectId, tokens[0]!, { events: evs.slice(i, i + 10) })));
    await w.until(() => w.state().seq === 30);
    const deltas = w.messages.filter((m) => m.type === "delta");
    for (const [i, d] of deltas.entries()) {
      expect(d.seq).toBeGreaterThan(d.from);
      if (i > 0) expect(d.from).toBe(deltas[i - 1]!.seq);
    }
    expect(w.state().totals).toEqual(expectedTotals(evs));
    w.close();
  });

  it("counts 20 concurrent stations × 500 events with 20 % of posts repeated exactly, in the snapshot, the deltas and D1", async () => {
    const { projectId, tokens } = await createProject(20);
    const watcher = await Watcher.open(projectId, "");
    await watcher.until((m) => m.some((x) => x.type === "snapshot"));
    const all: CounterEventInput[] = [];
    const posts: Promise<Response>[] = [];
    tokens.forEach((token, s) => {
      const evs = stationEvents(s, 500);
      all.push(...evs);
      for (let b = 0; b < 5; b++) {
        const body = { events: evs.slice(b * 100, b * 100 + 100) };
        posts.push(postCounters(projectId, token, body));
        if (b === 0) posts.push(postCounters(projectId, token, body)); // one post in five is repeated: 20 %
      }
    });
    const results = await Promise.all(posts.map(async (p) => (await p).json() as Promise<{ accepted: number; duplicates: number }>));
    expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(10_000);
    expect(results.reduce((s, r) => s + r.duplicates, 0)).toBe(2_000);

    const expected = expectedTotals(all);
    const snap = await snapshotTotals(projectId);
    expect(snap.seq).toBe(10_000);
    expect(snap.totals).toEqual(expected);
    await watcher.until(() => watcher.state().seq === 10_000, 10_000);
    expect(watcher.state().totals).toEqual(expected);
    const d1 = await d1Totals(projectId);
    expect(d1.events).toBe(10_000);
    expect(d1.totals).toEqual(expected);
    watcher.close();
  });

  it("replays exactly the missed deltas to a watcher that reconnects with since", async () => {
    const { projectId, tokens } = await createProject();
    const first = await Watcher.open(projectId);
    await postAll(projectId, tokens[0]!, stationEvents(1, 40), 20);
    await first.until(() => first.state().seq === 40);
    first.close();

    const missed = stationEvents(2, 25);
    await postAll(projectId, tokens[0]!, missed, 5);
    const again = await Watcher.open(projectId, "?since=40");
    await again.until((m) => m.some((x) => x.type === "delta"));
    const replay = again.messages.filter((m) => m.type === "delta");
    expect(again.messages.some((m) => m.type === "snapshot")).toBe(false);
    expect(replay[0]).toMatchObject({ from: 40, seq: 65 });
    const replayed = new Map<string, number>();
    for (const c of replay[0]!.type === "delta" ? replay[0]!.cells : []) {
      replayed.set(`${c.fonds}/${c.kind}`, (replayed.get(`${c.fonds}/${c.kind}`) ?? 0) + c.amount);
    }
    expect(replayed).toEqual(expectedTotals(missed));
    again.close();
  });

  it("sends a fresh snapshot when since is ahead of the project", async () => {
    const { projectId } = await createProject();
    const w = await Watcher.open(projectId, "?since=999");
    await w.until((m) => m.some((x) => x.type === "snapshot"));
    expect(w.state().seq).toBe(0);
    w.close();
  });

  it("loses nothing when the Durable Object is evicted mid-stream", async () => {
    const { projectId, tokens } = await createProject(2);
    const watcher = await Watcher.open(projectId);
    const a = stationEvents(1, 300);
    const b = stationEvents(2, 300);
    await postAll(projectId, tokens[0]!, a.slice(0, 150));
    await evictDurableObject(room(projectId));
    await postAll(projectId, tokens[1]!, b.slice(0, 200));
    await postAll(projectId, tokens[0]!, a); // the first half again: duplicates after the eviction
    await evictDurableObject(room(projectId));
    await postAll(projectId, tokens[1]!, b);
    const expected = expectedTotals([...a, ...b]);
    expect((await snapshotTotals(projectId)).totals).toEqual(expected);
    await watcher.until(() => watcher.state().seq === 600, 10_000);
    expect(watcher.state().totals).toEqual(expected);
    expect((await d1Totals(projectId)).totals).toEqual(expected);
    watcher.close();
  });

  it("retries a D1 failure during the flush and loses nothing", async () => {
    const { projectId, tokens } = await createProject();
    const evs = stationEvents(3, 120);
    // A real D1 failure: the database itself refuses the write while this trigger exists.
    await env.DB.exec(
      `CREATE TRIGGER fail_flush_${projectId.replace(/-/g, "_")} BEFORE INSERT ON daily_totals WHEN NEW.project_id = '${projectId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    await postAll(projectId, tokens[0]!, evs, 40);
    const stub = room(projectId);
    expect(await runDurableObjectAlarm(stub)).toBe(true); // fails, reschedules itself
    const none = await env.DB.prepare("SELECT COUNT(*) AS n FROM counter_events WHERE project_id = ?").bind(projectId).first<{ n: number }>();
    expect(none?.n).toBe(0); // the batch is atomic: events were not half-written either
    await env.DB.exec(`DROP TRIGGER fail_flush_${projectId.replace(/-/g, "_")}`);
    const d1 = await d1Totals(projectId);
    expect(d1.events).toBe(120);
    expect(d1.totals).toEqual(expectedTotals(evs));
  });

  it("lists who is watching on join and leave", async () => {
    const { projectId, provinceId } = await createProject();
    const leader = await signIn("Nguyễn Văn A", "leader", { provinceId });
    const supervisor = await signIn("Trần Thị B", "supervisor", { projectId });
    const a = await Watcher.open(projectId, "", { Cookie: leader.cookie });
    await a.until((m) => m.some((x) => x.type === "presence"));
    const b = await Watcher.open(projectId, "", { Cookie: supervisor.cookie });
    const names = () => {
      const last = [...a.messages].reverse().find((m) => m.type === "presence");
      return last?.type === "presence" ? last.viewers.map((v) => `${v.name} (${v.role})`).sort() : [];
    };
    await a.until(() => names().length === 2);
    expect(names()).toEqual(["Nguyễn Văn A (leader)", "Trần Thị B (supervisor)"]);
    b.close();
    await a.until(() => names().length === 1);
    expect(names()).toEqual(["Nguyễn Văn A (leader)"]);
    a.close();
  });

  it("answers pings with pongs (auto-response, the object stays asleep)", async () => {
    const { projectId } = await createProject();
    const w = await Watcher.open(projectId);
    await w.until((m) => m.some((x) => x.type === "snapshot"));
    w.ws.send(PING);
    await w.until((m) => m.some((x) => JSON.stringify(x) === PONG));
    w.close();
  });

  it("answers 404 for an unknown project and 400 for a bad since", async () => {
    const unknown = await api("/projects/no-such-project/live", { headers: { ...OPERATOR, Upgrade: "websocket" } });
    expect(unknown.status).toBe(404);
    const { projectId } = await createProject();
    const bad = await api(`/projects/${projectId}/live?since=abc`, { headers: { ...OPERATOR, Upgrade: "websocket" } });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/provinces/:provinceId/overview", () => {
  it("gives every project of the province with live totals and plan per kind", async () => {
    const { projectId, provinceId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "o1", fonds: "1", kind: "pages", delta: 1062 }] });
    const res = await get(`/provinces/${provinceId}/overview`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { projects: { projectId: string; kinds: Record<string, { actual: number; approved: number }> }[] };
    expect(body.projects).toHaveLength(1);
    expect(body.projects[0]?.kinds.pages).toEqual({ actual: 1062, approved: 13719, funded: 13719 });
    expect((await get("/provinces/nowhere/overview")).status).toBe(404);
  });
});
