import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readAnswer } from "../../agent/answer";
import { EVENT_RETENTION_DAYS } from "../../schema/api-base";
import type { Snapshot } from "../../schema/wire";
import { readSendResult } from "../../web/src/entry/station-api";
import { createProject, get, postCounters, room, Watcher } from "./helpers";

const DAY_MS = 86_400_000;

async function storedIds(projectId: string): Promise<string[]> {
  return runInDurableObject(room(projectId), (_, state) =>
    state.storage.sql
      .exec<{ id: string }>("SELECT id FROM events ORDER BY seq")
      .toArray()
      .map((r) => r.id),
  );
}

async function snapshot(projectId: string): Promise<Snapshot> {
  return (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
}

async function d1Total(projectId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT SUM(amount) AS amount FROM daily_totals WHERE project_id = ?").bind(projectId).first<{ amount: number }>();
  return row?.amount ?? 0;
}

/** Runs the object's alarm (D1 write-through, then pruning) while it is set, a few times at most. */
async function runAlarms(projectId: string): Promise<void> {
  for (let i = 0; i < 10 && (await runDurableObjectAlarm(room(projectId))); i++);
}

/** Until D1 and the feed have everything (the frame goes within 100 ms of a post): only age then keeps an id. */
async function settled(projectId: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await runAlarms(projectId);
    const meta = await runInDurableObject(room(projectId), (_, state) =>
      Object.fromEntries(state.storage.sql.exec<{ key: string; value: number }>("SELECT key, value FROM meta").toArray().map((r) => [r.key, r.value])),
    );
    if (meta.flushed_seq === meta.seq && meta.broadcast_seq === meta.seq) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the object did not flush and broadcast");
}

/** The alarm of a project with alert rules (set every minute) after D1 and the feed have everything. */
async function alarmAfterSettled(projectId: string): Promise<void> {
  await settled(projectId);
  expect(await runDurableObjectAlarm(room(projectId))).toBe(true);
}

describe(`event ids are kept ${EVENT_RETENTION_DAYS} days`, () => {
  it("forgets an id on the alarm once its day leaves the window, then refuses the event instead of counting it again, and every total stays", async () => {
    // With the starter rules, so the alarm is set every minute whatever else it owes.
    const { projectId, tokens, stationIds } = await createProject(1, undefined, { starterRules: true });
    const [token, stationId] = [tokens[0]!, stationIds[0]!];
    const then = Date.now() - (EVENT_RETENTION_DAYS + 5) * DAY_MS;
    const old = { id: "old-1", fonds: "1", kind: "pages" as const, delta: 7, at: new Date(then).toISOString() };
    // Posted back then: the object takes the clock it is given, as for the alert rules.
    expect(await room(projectId).ingest(stationId, [old], then)).toMatchObject({ status: "ok", accepted: 1 });
    const young = { id: "young-1", fonds: "1", kind: "pages" as const, delta: 3, at: new Date().toISOString() };
    expect((await postCounters(projectId, token, { events: [young] })).status).toBe(200);
    const before = await snapshot(projectId);
    expect(before.totals).toEqual([{ fonds: "1", kind: "pages", amount: 10 }]);

    await alarmAfterSettled(projectId);
    expect(await storedIds(projectId)).toEqual(["young-1"]);
    const after = await snapshot(projectId);
    expect(after.totals).toEqual(before.totals);
    expect(after.days).toEqual(before.days);
    expect(after.seq).toBe(before.seq);
    expect(await d1Total(projectId)).toBe(10);

    const again = await postCounters(projectId, token, { events: [young, old] });
    expect(again.status).toBe(400);
    const body = (await again.json()) as { error: { code: string; message: string; details: { index: number; field: string; message: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([
      expect.objectContaining({ index: 1, field: "at", message: expect.stringContaining(`older than ${EVENT_RETENTION_DAYS} days`) }),
    ]);
    expect(body.error.details[0]!.message).toMatch(/^sự kiện cũ hơn/);
    expect((await snapshot(projectId)).totals).toEqual(before.totals);

    // The scan agent keeps the old event among its refused ones (not retried) and sends the young one again;
    // the entry page marks the old entry refused with the server's reason and sends the rest.
    const agent = readAnswer(400, body, null);
    expect(agent).toMatchObject({ type: "refused", status: 400 });
    expect(agent.type === "refused" && [...agent.byIndex.keys()]).toEqual([1]);
    const page = await readSendResult(new Response(JSON.stringify(body), { status: 400 }));
    expect(page).toMatchObject({ type: "invalid" });
    expect(page.type === "invalid" && page.byIndex.get(1)).toContain(`older than ${EVENT_RETENTION_DAYS} days`);

    const retry = await postCounters(projectId, token, { events: [young] });
    expect(await retry.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await snapshot(projectId)).totals).toEqual(before.totals);
    expect(await d1Total(projectId)).toBe(10);
  });

  it("keeps a retry a duplicate on the last day of the window and refuses it the day after, when its id is gone", async () => {
    const { projectId, tokens, stationIds } = await createProject();
    const now = Date.now();
    const event = { id: "e-1", fonds: "2", kind: "files" as const, delta: 4, at: new Date(now).toISOString() };
    expect((await postCounters(projectId, tokens[0]!, { events: [event] })).status).toBe(200);
    await settled(projectId);

    const lastDay = now + EVENT_RETENTION_DAYS * DAY_MS;
    expect(await room(projectId).prune(lastDay)).toEqual({ pruned: 0, more: false });
    expect(await room(projectId).ingest(stationIds[0]!, [event], lastDay)).toMatchObject({ status: "ok", accepted: 0, duplicates: 1 });

    const dayAfter = lastDay + DAY_MS;
    expect(await room(projectId).prune(dayAfter)).toEqual({ pruned: 1, more: false });
    const refused = await room(projectId).ingest(stationIds[0]!, [event], dayAfter);
    expect(refused).toMatchObject({ status: "invalid", errors: [{ index: 0, field: "at" }] });
    expect((await snapshot(projectId)).totals).toEqual([{ fonds: "2", kind: "files", amount: 4 }]);
  });

  it("sends a watcher that reconnects from before a pruned event a snapshot, not a replay without it", async () => {
    const { projectId, tokens, stationIds } = await createProject();
    const then = Date.now() - (EVENT_RETENTION_DAYS + 1) * DAY_MS;
    await room(projectId).ingest(stationIds[0]!, [{ id: "old", fonds: "1", kind: "pages", delta: 5, at: new Date(then).toISOString() }], then);
    expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "new", fonds: "1", kind: "pages", delta: 2 }] })).status).toBe(200);
    await settled(projectId);
    expect(await room(projectId).prune(Date.now())).toEqual({ pruned: 1, more: false });

    const fromStart = await Watcher.open(projectId, "?since=0");
    await fromStart.until((m) => m.length > 0);
    expect(fromStart.messages[0]).toMatchObject({ type: "snapshot", seq: 2, totals: [{ fonds: "1", kind: "pages", amount: 7 }] });
    const fromOne = await Watcher.open(projectId, "?since=1");
    await fromOne.until((m) => m.some((x) => x.type === "delta"));
    expect(fromOne.messages.find((m) => m.type === "delta")).toMatchObject({ from: 1, seq: 2 });
    fromStart.close();
    fromOne.close();
  });
});
