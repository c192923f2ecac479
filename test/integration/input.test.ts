// Bad input at the edge of the API: each is a clean 4xx in the one error shape and changes nothing.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { ADMIN, api, createProject, get, OPERATOR, post, postCounters, signIn } from "./helpers";

const NFC = "L\u1ed9c-1"; // "Lộc-1", composed
const NFD = "Lo\u0302\u0323c-1"; // the same, decomposed
const PLAN_WITH_CODES = ["Mã phông\tTên phông\tSố hóa trang tài liệu", `${NFC}\tỦy ban nhân dân huyện Can Lộc\t11.062`, "P-2\tPhòng Tư pháp huyện Can Lộc\t1.640"].join("\n");

async function errorOf(res: Response): Promise<{ status: number; code: string; details?: unknown }> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(typeof body.error.message).toBe("string");
  return { status: res.status, code: body.error.code, details: body.error.details };
}

const put = (path: string, body: string, headers: Record<string, string>) => api(path, { method: "PUT", headers, body });
const snapshot = async (projectId: string) => (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;

describe("Content-Type of API bodies", () => {
  it("refuses a calendar or report notes sent as text/plain with 415 and keeps what was saved", async () => {
    const { projectId } = await createProject();
    const calendar = { holidays: ["2026-09-02"], workingSaturdays: [], dayStart: "07:30", dayEnd: "17:00" };
    expect((await put(`/projects/${projectId}/calendar`, JSON.stringify(calendar), ADMIN)).status).toBe(200);
    const report = (await (await post(`/projects/${projectId}/reports`, { from: "2026-01-01", to: "2026-01-31" })).json()) as { id: string };
    expect((await put(`/projects/${projectId}/reports/${report.id}/notes`, JSON.stringify({ difficulties: "Thiếu máy quét" }), ADMIN)).status).toBe(200);

    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "text/json"]) {
      const headers = { ...OPERATOR, "Content-Type": type };
      expect(await errorOf(await put(`/projects/${projectId}/calendar`, "{}", headers))).toMatchObject({ status: 415, code: "unsupported_media_type" });
      expect(await errorOf(await put(`/projects/${projectId}/reports/${report.id}/notes`, "{}", headers))).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    // No Content-Type at all, with or without a body, is refused too where a body is needed.
    expect((await put(`/projects/${projectId}/calendar`, "{}", OPERATOR)).status).toBe(415);
    expect((await api(`/projects/${projectId}/calendar`, { method: "PUT", headers: OPERATOR })).status).toBe(415);

    expect(await (await get(`/projects/${projectId}/calendar`)).json()).toMatchObject(calendar);
    const notes = (await (await get(`/projects/${projectId}/reports/${report.id}`)).json()) as { notes: { difficulties: string } };
    expect(notes.notes.difficulties).toBe("Thiếu máy quét");
  });

  it("accepts application/json with a charset parameter", async () => {
    const { projectId } = await createProject();
    const res = await put(`/projects/${projectId}/calendar`, JSON.stringify({ holidays: ["2026-09-02"] }), { ...OPERATOR, "Content-Type": "Application/JSON; charset=utf-8" });
    expect(res.status).toBe(200);
  });

  it("refuses counters that are not JSON with 415 and counts nothing", async () => {
    const { projectId, tokens } = await createProject();
    const body = JSON.stringify({ events: [{ id: "t-1", fonds: "1", kind: "pages", delta: 5 }] });
    for (const headers of [{ "Content-Type": "text/plain" }, {}] as Record<string, string>[]) {
      const res = await api(`/projects/${projectId}/counters`, { method: "POST", headers: { ...headers, Authorization: `Bearer ${tokens[0]}` }, body });
      expect(await errorOf(res)).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    expect((await snapshot(projectId)).seq).toBe(0);
  });

  it("still lets writes that take no body work with no body and no Content-Type", async () => {
    const { projectId, provinceId, stationIds } = await createProject();
    const rotated = await api(`/projects/${projectId}/stations/${stationIds[0]}/rotate`, { method: "POST", headers: OPERATOR });
    expect(rotated.status).toBe(200);
    const { headers } = await signIn("Lãnh đạo", "leader", { provinceId });
    const { "Content-Type": _, ...noBodyHeaders } = headers;
    expect((await api("/auth/logout", { method: "POST", headers: noBodyHeaders })).status).toBe(200);
    expect((await api("/me", { headers: noBodyHeaders })).status).toBe(401);
  });

  it("answers an empty or empty-object body where fields are required with 400", async () => {
    const { projectId } = await createProject();
    const patch = (body: string) => api(`/projects/${projectId}/fonds/1`, { method: "PATCH", headers: ADMIN, body });
    expect(await errorOf(await patch(""))).toMatchObject({ status: 400 });
    expect(await errorOf(await patch("{}"))).toMatchObject({ status: 400, code: "validation_failed" });
    expect(await errorOf(await post(`/projects/${projectId}/plan/move`, ""))).toMatchObject({ status: 400 });
  });
});

describe("dates", () => {
  it("refuses year 0026 in the calendar, and reports still work afterwards", async () => {
    const { projectId } = await createProject();
    for (const body of [{ holidays: ["0026-09-02"] }, { workingSaturdays: ["0026-09-05"] }]) {
      const res = await put(`/projects/${projectId}/calendar`, JSON.stringify(body), ADMIN);
      expect(await errorOf(res)).toMatchObject({ status: 400, code: "validation_failed" });
    }
    expect((await post(`/projects/${projectId}/reports`, { from: "2026-01-01", to: "2026-01-31" })).status).toBe(201);
  });

  it("refuses an ad-hoc report from year 0001 and other days outside 2000..2100", async () => {
    const { projectId } = await createProject();
    for (const [from, to] of [["0001-01-01", "2026-01-01"], ["2026-01-01", "2101-01-01"], ["0000-01-01", "0000-01-02"]]) {
      expect(await errorOf(await post(`/projects/${projectId}/reports`, { from, to }))).toMatchObject({ status: 400, code: "validation_failed" });
    }
  });

  it("refuses a project period, plan period, inspection day or acceptance minute in year 0026", async () => {
    const { projectId, provinceId } = await createProject();
    const cases: [string, unknown][] = [
      [`/provinces/${provinceId}/projects`, { id: projectId, name: "Dự án", periodStart: "0026-01-01", periodEnd: "2026-12-31" }],
      [`/projects/${projectId}/plan/periods`, { rows: [{ fonds: "1", kind: "pages", from: "0026-01-01", to: "2026-01-31", amount: 10 }] }],
      [`/projects/${projectId}/verifications`, { inspectionDay: "0026-01-20", rows: [{ fonds: "1", kind: "pages", verified: 1 }] }],
      [`/projects/${projectId}/acceptances`, { fonds: "1", kind: "pages", amount: 1, minuteNumber: "01/BB", minuteDate: "0026-01-20" }],
    ];
    for (const [path, body] of cases) expect(await errorOf(await post(path, body)), path).toMatchObject({ status: 400, code: "validation_failed" });
    expect((await snapshot(projectId)).project).toMatchObject({ periodStart: "2026-01-01" });
  });

  it("refuses a counter done in year 0026", async () => {
    const { projectId, tokens } = await createProject();
    const res = await postCounters(projectId, tokens[0]!, { events: [{ id: "old", fonds: "1", kind: "pages", delta: 1, at: "0026-11-22T09:15:00+07:00" }] });
    expect(await errorOf(res)).toMatchObject({ status: 400, details: [{ path: "events.0.at", index: 0, field: "at" }] });
  });
});

describe("text and paths", () => {
  it("refuses a lone surrogate in an event id, a name or a note with 400", async () => {
    const { projectId, tokens } = await createProject();
    const res = await postCounters(projectId, tokens[0]!, { events: [{ id: "\uD800", fonds: "1", kind: "pages", delta: 1 }] });
    expect(await errorOf(res)).toMatchObject({ status: 400, details: [{ path: "events.0.id", index: 0, field: "id" }] });
    expect((await post(`/projects/${projectId}/stations`, { name: "Trạm \uDC00" })).status).toBe(400);
    expect((await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "pages", delta: 1, reason: "sửa \uD83D lỗi" })).status).toBe(400);
    expect((await snapshot(projectId)).seq).toBe(0);
  });

  it("answers malformed percent escapes in the path with 400, not 500", async () => {
    const { projectId } = await createProject();
    expect(await errorOf(await get("/projects/%E0%A4%A/snapshot"))).toMatchObject({ status: 400 });
    const patch = await api(`/projects/${projectId}/fonds/%ED%A0%80`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) });
    expect((await errorOf(patch)).status).toBeGreaterThanOrEqual(400);
    expect(patch.status).toBeLessThan(500);
  });

  it("counts a decomposed (NFD) fonds code as the imported one, and one event id in NFC and NFD once", async () => {
    const { projectId, tokens } = await createProject(1, PLAN_WITH_CODES);
    const first = await postCounters(projectId, tokens[0]!, { events: [{ id: `e-${NFC}`, fonds: NFD, kind: "pages", delta: 7 }] });
    expect(await first.json()).toMatchObject({ accepted: 1 });
    const again = await postCounters(projectId, tokens[0]!, { events: [{ id: `e-${NFD}`, fonds: NFC, kind: "pages", delta: 7 }] });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await snapshot(projectId)).totals).toEqual([{ fonds: NFC, kind: "pages", amount: 7 }]);
  });

  it("finds a fonds by a decomposed code in the path", async () => {
    const { projectId } = await createProject(1, PLAN_WITH_CODES);
    const res = await api(`/projects/${projectId}/fonds/${encodeURIComponent(NFD)}`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ agency: "Sở Nội vụ" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: NFC, agency: "Sở Nội vụ" });
  });
});

describe("amounts of counted kinds", () => {
  it("refuses 999999.6 pages with the event's index and field, and counts nothing of the batch", async () => {
    const { projectId, tokens } = await createProject();
    const res = await postCounters(projectId, tokens[0]!, {
      events: [
        { id: "ok", fonds: "1", kind: "pages", delta: 3 },
        { id: "frac", fonds: "1", kind: "pages", delta: 999999.6 },
      ],
    });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: "validation_failed", details: [{ path: "events.1.delta", index: 1, field: "delta" }] });
    expect((await snapshot(projectId)).seq).toBe(0);
  });

  it("refuses fractional files in corrections, plan moves and acceptances", async () => {
    const { projectId } = await createProject();
    expect((await post(`/projects/${projectId}/corrections`, { fonds: "1", kind: "files", delta: 0.5, reason: "đếm nhầm" })).status).toBe(400);
    expect((await post(`/projects/${projectId}/plan/move`, { kind: "files", from: "1", to: "2", amount: 1.5, reason: "chuyển bớt" })).status).toBe(400);
    expect((await post(`/projects/${projectId}/acceptances`, { fonds: "1", kind: "pages", amount: 10.5, minuteNumber: "01/BB", minuteDate: "2026-01-20" })).status).toBe(400);
  });
});
