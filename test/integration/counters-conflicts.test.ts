// The exactly-once contract with a station: an id already accepted comes back either as a duplicate
// (same content: counted once) or as a conflict (other content: the whole batch refused, nothing lost).
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { addDays } from "../../schema/calendar";
import { PLAN_WITH_METRES, createProject, daysFromToday, drainAlarms, events, get, post, postCounters } from "./helpers";

const DAY = daysFromToday(-10);

describe("POST /api/v1/projects/:projectId/counters refuses an id already accepted with other content (409), and loses nothing", () => {
  const at = `${DAY}T09:00:00+07:00`;
  interface Conflict {
    error: { code: string; message: string; details: { index: number; path: string; field: string; message: string }[] };
  }
  async function state(projectId: string): Promise<{ seq: number; pages: number }> {
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { seq: number; totals: { kind: string; amount: number }[] };
    return { seq: snap.seq, pages: snap.totals.filter((t) => t.kind === "pages").reduce((s, t) => s + t.amount, 0) };
  }

  it("answers 409 naming the conflicting event, keeps the counted totals and seq, and applies none of the batch", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: events("a", 3, "1", "pages", 100) });
    const res = await postCounters(projectId, tokens[0]!, { events: [{ id: "new-1", fonds: "1", kind: "pages", delta: 5 }, { id: "a-1", fonds: "1", kind: "pages", delta: 7 }] });
    expect(res.status).toBe(409);
    const body = (await res.json()) as Conflict;
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/\(.+\)/); // Vietnamese, then English in brackets
    expect(body.error.details).toEqual([{ index: 1, path: "events.1.id", field: "id", id: "a-1", message: expect.stringContaining("delta") }]);
    expect(await state(projectId)).toEqual({ seq: 3, pages: 300 });
    // The refused batch's new event was not counted: sent alone, it is new.
    expect(await (await postCounters(projectId, tokens[0]!, { events: [{ id: "new-1", fonds: "1", kind: "pages", delta: 5 }] })).json()).toEqual({ accepted: 1, duplicates: 0, seq: 4 });
  });

  it("names every conflicting event, whichever of fonds, kind, delta or the day of `at` differs", async () => {
    const { projectId, tokens } = await createProject();
    const first = ["f", "k", "d", "t", "same"].map((id) => ({ id, fonds: "1", kind: "pages" as const, delta: 10, at }));
    await postCounters(projectId, tokens[0]!, { events: first });
    const again = [
      { ...first[0]!, fonds: "2" },
      { ...first[1]!, kind: "files" as const },
      { ...first[2]!, delta: 11 },
      { ...first[3]!, at: `${addDays(DAY, 1)}T09:00:00+07:00` },
      first[4]!,
    ];
    const res = await postCounters(projectId, tokens[0]!, { events: again });
    expect(res.status).toBe(409);
    const { details } = ((await res.json()) as Conflict).error;
    expect(details.map((d) => [d.index, d.field])).toEqual([[0, "id"], [1, "id"], [2, "id"], [3, "id"]]);
    expect(details.map((d) => d.message)).toEqual([expect.stringContaining("fonds"), expect.stringContaining("kind"), expect.stringContaining("delta"), expect.stringContaining("day")]);
    expect(await state(projectId)).toEqual({ seq: 5, pages: 50 });
  });

  it("still answers a plain retry with 200 and duplicates: same batch, another time the same day, or without `at`", async () => {
    const { projectId, tokens } = await createProject(1, PLAN_WITH_METRES);
    const batch = { events: [{ id: "r1", fonds: "1", kind: "pages", delta: 4, at }, { id: "r2", fonds: "2", kind: "metres", delta: 33.6, at }] };
    expect(await (await postCounters(projectId, tokens[0]!, batch)).json()).toEqual({ accepted: 2, duplicates: 0, seq: 2 });
    expect(await (await postCounters(projectId, tokens[0]!, batch)).json()).toEqual({ accepted: 0, duplicates: 2, seq: 2 });
    const restamped = { events: batch.events.map((e) => ({ ...e, at: `${DAY}T17:59:00+07:00` })) };
    expect(await (await postCounters(projectId, tokens[0]!, restamped)).json()).toEqual({ accepted: 0, duplicates: 2, seq: 2 });
    // Without `at` the server's day would be today; the first post's day stands, as the station meant it.
    const bare = { events: batch.events.map(({ at: _, ...e }) => ({ ...e, delta: e.kind === "metres" ? 33.6 : e.delta })) };
    expect(await (await postCounters(projectId, tokens[0]!, bare)).json()).toEqual({ accepted: 0, duplicates: 2, seq: 2 });
    expect(await state(projectId)).toEqual({ seq: 2, pages: 4 });
  });

  it("catches the same id posted by two stations, even with the same numbers", async () => {
    const { projectId, tokens } = await createProject(2);
    const one = { events: [{ id: "lot-7", fonds: "1", kind: "pages", delta: 250, at }] };
    expect((await postCounters(projectId, tokens[0]!, one)).status).toBe(200);
    const res = await postCounters(projectId, tokens[1]!, one);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Conflict).error.details).toEqual([expect.objectContaining({ index: 0, field: "id", message: expect.stringContaining("station") })]);
    expect(await state(projectId)).toEqual({ seq: 1, pages: 250 });
    // The first station's own retry is still a duplicate.
    expect(await (await postCounters(projectId, tokens[0]!, one)).json()).toEqual({ accepted: 0, duplicates: 1, seq: 1 });
  });

  it("counts an id repeated within one batch once when its content matches, and refuses the batch when not", async () => {
    const { projectId, tokens } = await createProject();
    const ok = { id: "in-1", fonds: "1", kind: "pages", delta: 5 };
    expect(await (await postCounters(projectId, tokens[0]!, { events: [ok, { ...ok }] })).json()).toEqual({ accepted: 1, duplicates: 1, seq: 1 });
    const res = await postCounters(projectId, tokens[0]!, { events: [{ ...ok, id: "in-2" }, { ...ok, id: "in-2", delta: 6 }] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Conflict).error.details).toEqual([expect.objectContaining({ index: 1, path: "events.1.id", field: "id" })]);
    expect(await state(projectId)).toEqual({ seq: 1, pages: 5 });
  });

  it("writes only the first content through to D1, and corrections still count", async () => {
    const { projectId, tokens } = await createProject();
    await postCounters(projectId, tokens[0]!, { events: [{ id: "w1", fonds: "1", kind: "pages", delta: 40 }] });
    expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "w1", fonds: "1", kind: "pages", delta: 400 }] })).status).toBe(409);
    expect((await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: -5, reason: "Đối soát: 5 trang mờ" })).status).toBe(201);
    await drainAlarms(projectId);
    const { results } = await env.DB.prepare("SELECT event_id AS id, delta FROM counter_events WHERE project_id = ? ORDER BY seq").bind(projectId).all<{ id: string; delta: number }>();
    expect(results).toEqual([{ id: "w1", delta: 40 }, { id: expect.stringMatching(/^correction-/), delta: -5 }]);
    expect(await state(projectId)).toEqual({ seq: 2, pages: 35 });
  });
});
