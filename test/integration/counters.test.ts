import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays } from "../../schema/calendar";
import { createProject, daysFromToday, drainAlarms, events, get, PLAN_WITH_METRES, post, postCounters } from "./helpers";

/** A recent day in Viet Nam: events older than the 90-day retention are refused (worker/live/retention.ts). */
const DAY = daysFromToday(-10);

async function pagesTotal(projectId: string): Promise<number> {
  const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { totals: { kind: string; amount: number }[] };
  return snap.totals.filter((t) => t.kind === "pages").reduce((s, t) => s + t.amount, 0);
}

describe("POST /api/v1/projects/:projectId/counters", () => {
  it("counts a batch and answers accepted, duplicates and seq", async () => {
    const { projectId, tokens } = await createProject();
    const res = await postCounters(projectId, tokens[0]!, { events: events("a", 3, "1", "pages", 100) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, seq: 3 });
    expect(await pagesTotal(projectId)).toBe(300);
  });

  it("counts a retried batch once", async () => {
    const { projectId, tokens } = await createProject();
    const batch = { events: events("retry", 5, "2", "pages", 7) };
    expect(await (await postCounters(projectId, tokens[0]!, batch)).json()).toEqual({ accepted: 5, duplicates: 0, seq: 5 });
    expect(await (await postCounters(projectId, tokens[0]!, batch)).json()).toEqual({ accepted: 0, duplicates: 5, seq: 5 });
    const mixed = { events: [...events("retry", 2, "2", "pages", 7), { id: "new-1", fonds: "2", kind: "pages", delta: 1 }] };
    expect(await (await postCounters(projectId, tokens[0]!, mixed)).json()).toEqual({ accepted: 1, duplicates: 2, seq: 6 });
    expect(await pagesTotal(projectId)).toBe(36);
  });

  it("keeps metres to two decimals exactly", async () => {
    const { projectId, tokens } = await createProject(1, PLAN_WITH_METRES);
    const batch = { events: [0.1, 0.2, 33.6, 249.26].map((delta, i) => ({ id: `m${i}`, fonds: "1", kind: "metres", delta })) };
    expect((await postCounters(projectId, tokens[0]!, batch)).status).toBe(200);
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { totals: { kind: string; amount: number }[] };
    expect(snap.totals.find((t) => t.kind === "metres")?.amount).toBe(28316); // 283,16 m in centimetres
  });

  it("answers 401 without a valid token, 403 for another project's token, 404 for an unknown project", async () => {
    const a = await createProject();
    const b = await createProject();
    const body = { events: events("x", 1) };
    const cases: [string, string | null, number, string][] = [
      [a.projectId, null, 401, "unauthorized"],
      [a.projectId, "st_not-a-real-token", 401, "unauthorized"],
      [a.projectId, b.tokens[0]!, 403, "forbidden"],
      ["no-such-project", a.tokens[0]!, 404, "not_found"],
    ];
    for (const [projectId, token, status, code] of cases) {
      const res = await postCounters(projectId, token, body);
      expect(res.status, `${projectId} ${token}`).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await pagesTotal(a.projectId)).toBe(0);
  });

  it("answers 404 for the snapshot of a project that does not exist", async () => {
    const res = await get("/projects/no-such-project/snapshot");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });

  describe("refuses bad input whole, with one error shape, and changes nothing", () => {
    const ok = { id: "ok-1", fonds: "1", kind: "pages", delta: 5 };
    const inFuture = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const cases: [string, unknown, number][] = [
      ["bad JSON", "{\"events\": [", 400],
      ["not an object", "[]", 400],
      ["no events", { events: [] }, 400],
      ["events not an array", { events: "many" }, 400],
      ["delta as a string", { events: [ok, { ...ok, id: "s", delta: "5" }] }, 400],
      ["zero delta", { events: [ok, { ...ok, id: "z", delta: 0 }] }, 400],
      ["negative delta", { events: [ok, { ...ok, id: "n", delta: -3 }] }, 400],
      ["fractional pages", { events: [ok, { ...ok, id: "f", delta: 1.5 }] }, 400],
      ["metres with 3 decimals", { events: [ok, { ...ok, id: "m", kind: "metres", delta: 1.234 }] }, 400],
      ["huge delta", { events: [ok, { ...ok, id: "h", delta: 1e12 }] }, 400],
      ["unknown fonds", { events: [ok, { ...ok, id: "u", fonds: "99" }] }, 400],
      ["unknown kind", { events: [ok, { ...ok, id: "k", kind: "photos" }] }, 400],
      ["unknown field", { events: [{ ...ok, extra: 1 }] }, 400],
      ["unknown top-level field", { events: [ok], station: "me" }, 400],
      ["empty id", { events: [{ ...ok, id: "" }] }, 400],
      ["id over 64 chars", { events: [{ ...ok, id: "x".repeat(65) }] }, 400],
      ["501 events", { events: Array.from({ length: 501 }, (_, i) => ({ ...ok, id: `e${i}` })) }, 400],
      ["at far in the future", { events: [ok, { ...ok, id: "t", at: inFuture }] }, 400],
      ["at without offset", { events: [{ ...ok, at: "2026-11-22T09:15:00" }] }, 400],
      ["at before the project period", { events: [{ ...ok, at: "2025-12-31T23:00:00+07:00" }] }, 400],
      ["oversized body", { events: [{ ...ok, id: "x".repeat(300_000) }] }, 413],
    ];
    it.each(cases)("%s", async (_name, body, status) => {
      const { projectId, tokens } = await createProject(1, PLAN_WITH_METRES);
      const res = await postCounters(projectId, tokens[0]!, body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(typeof json.error.code).toBe("string");
      expect(json.error.message.length).toBeGreaterThan(0);
      expect(await pagesTotal(projectId)).toBe(0);
    });

    it("gives shape errors and plan errors per event in one shape: path, index, field", async () => {
      const { projectId, tokens } = await createProject();
      const shape = (await (await postCounters(projectId, tokens[0]!, { events: [ok, { ...ok, id: "s", delta: "5" }] })).json()) as { error: { details: unknown[] } };
      const plan = (await (await postCounters(projectId, tokens[0]!, { events: [ok, { ...ok, id: "u", fonds: "99" }] })).json()) as { error: { details: unknown[] } };
      expect(shape.error.details).toEqual([expect.objectContaining({ path: "events.1.delta", index: 1, field: "delta" })]);
      expect(plan.error.details).toEqual([expect.objectContaining({ path: "events.1.fonds", index: 1, field: "fonds" })]);
    });

    it("lists each bad event with its index and field", async () => {
      const { projectId, tokens } = await createProject();
      const res = await postCounters(projectId, tokens[0]!, {
        events: [ok, { ...ok, id: "u", fonds: "99" }, { ...ok, id: "f", at: "2025-06-01T09:00:00+07:00" }],
      });
      const json = (await res.json()) as { error: { details: { index: number; field: string }[] } };
      expect(json.error.details).toEqual([
        expect.objectContaining({ index: 1, field: "fonds" }),
        expect.objectContaining({ index: 2, field: "at" }),
      ]);
      // A fractional count is refused at the edge (schema/api.ts), with the same index and field.
      const fractional = await postCounters(projectId, tokens[0]!, { events: [ok, { ...ok, id: "f", delta: 2.5 }] });
      expect(((await fractional.json()) as { error: { details: unknown } }).error.details).toEqual([expect.objectContaining({ index: 1, field: "delta" })]);
    });
  });

  describe("refuses a kind the project has no plan for, since it would be counted where no one sees it", () => {
    it("answers 400 naming the event's index and kind, and counts none of the batch", async () => {
      const { projectId, tokens } = await createProject();
      const res = await postCounters(projectId, tokens[0]!, { events: [{ id: "p", fonds: "1", kind: "pages", delta: 5 }, { id: "s", fonds: "1", kind: "sheets", delta: 3 }] });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; details: { path: string; index: number; id: string; field: string; message: string }[] } };
      expect(json.error.code).toBe("validation_failed");
      expect(json.error.details).toEqual([{ path: "events.1.kind", index: 1, id: "s", field: "kind", message: expect.stringContaining("'sheets'") }]);
      expect(await pagesTotal(projectId)).toBe(0);
    });

    it("accepts a kind once any fonds plans an amount of it, and the station view lists only planned kinds", async () => {
      const { projectId, tokens } = await createProject(1, PLAN_WITH_METRES);
      expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "f", fonds: "2", kind: "files", delta: 1 }] })).status).toBe(400);
      expect((await postCounters(projectId, tokens[0]!, { events: [{ id: "m", fonds: "1", kind: "metres", delta: 1.5 }] })).status).toBe(200);
      const view = (await (await get(`/projects/${projectId}/station`, { Authorization: `Bearer ${tokens[0]!}` })).json()) as { kinds: string[] };
      expect(view.kinds).toEqual(["pages", "metres"]);
    });

    it("refuses a correction for an unplanned kind with 400 naming the kind", async () => {
      const { projectId } = await createProject();
      const res = await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "metres", delta: 2, reason: "Đối soát" });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual([{ path: "kind", message: expect.stringContaining("'metres'") }]);
      expect((await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: 2, reason: "Đối soát" })).status).toBe(201);
    });
  });

  it("accepts `at` in the past within the period and counts it on that day in Vietnam time", async () => {
    const { projectId, tokens } = await createProject();
    // 17:30 UTC is already the next day in Asia/Ho_Chi_Minh.
    await postCounters(projectId, tokens[0]!, { events: [{ id: "d1", fonds: "1", kind: "pages", delta: 9, at: `${DAY}T17:30:00Z` }] });
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { days: { day: string; amount: number }[] };
    expect(snap.days).toEqual([{ kind: "pages", day: addDays(DAY, 1), amount: 9 }]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the counter API from the zod schemas", async () => {
    const doc = (await (await get("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    const route = doc.paths["/api/v1/projects/{projectId}/counters"]?.post as { responses: Record<string, unknown> } | undefined;
    expect(Object.keys(route?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "409"]));
    expect(doc.components.schemas.CounterBatch).toBeDefined();
  });

  it("says that bodies must be JSON and counted kinds whole numbers", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
      components: { schemas: { CounterEvent: { properties: { delta: { description: string } } } } };
    };
    expect(doc.paths["/api/v1/projects/{projectId}/counters"]?.post?.responses["415"]).toBeDefined();
    expect(doc.components.schemas.CounterEvent.properties.delta.description).toContain("whole number");
  });
});

describe("unknown API routes", () => {
  it("answer 404 in the one error shape", async () => {
    const res = await post("/nothing-here", {});
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
