// A submitted report is frozen (its figures, its notes and the document heading it was signed with),
// and a correction makes the next version, filed in its turn; the document heading is saved over the
// version the editor saw, audited.
import { describe, expect, it } from "vitest";
import type { CalendarItem } from "../../worker/reports/filings";
import { readDocx } from "../docx-text";
import { api, get, post, signIn } from "./helpers";
import { calendarProject } from "./calendar-project";

const HEADING = {
  parentBody: "UBND TỈNH ĐỒNG NAI",
  issuingBody: "SỞ NỘI VỤ",
  place: "Đồng Nai",
  recipient: "Ủy ban nhân dân tỉnh",
  distribution: ["Như trên;", "Lưu: VT."],
  signerPosition: "GIÁM ĐỐC",
  signerName: "Nguyễn Văn Ký",
  numberSuffix: "BC-SNV",
};

describe("a submitted report", () => {
  it("keeps the heading, signer and notes it was submitted with, refuses edits, and is corrected by a new version", async () => {
    const { projectId, provinceId } = await calendarProject();
    const centre = await signIn("Trung tâm Lưu trữ", "supervisor", { provinceId });
    const department = await signIn("Sở Nội vụ", "supervisor", { provinceId });
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const as = (s: typeof centre) => ({ ...s.headers, Origin: "http://example.com" });
    const call = (path: string, method: string, body?: unknown, s = centre) => api(`/projects/${projectId}${path}`, { method, headers: as(s), body: body === undefined ? undefined : JSON.stringify(body) });
    const ask = (body: unknown) => call("/reports", "POST", body);

    expect((await ask({ type: "weekly", due: "2026-11-24" })).status).toBe(400);
    const first = (await (await ask({ type: "weekly", due: "2026-11-23" })).json()) as { id: string; version: number };
    const second = (await (await ask({ type: "weekly", due: "2026-11-23" })).json()) as { id: string; version: number };
    expect(second.version).toBe(first.version + 1);
    const heading = (await (await call("/report-document", "PUT", { ...HEADING, base: null })).json()) as { saved: { by: string; at: number } };
    expect(heading.saved.by).toBe("Trung tâm Lưu trữ");
    expect((await call(`/reports/${second.id}/notes`, "PUT", { difficulties: "Thiếu máy quét khổ A0" })).status).toBe(200);

    expect((await call(`/reports/${first.id}/submit`, "POST")).status).toBe(409); // an older version
    expect((await call(`/reports/${second.id}/receive`, "POST", undefined, department)).status).toBe(409); // not submitted
    expect((await call(`/reports/${second.id}/correction`, "POST", { reason: "Sai số liệu" })).status).toBe(409); // nothing to correct yet
    expect((await call(`/reports/${second.id}/submit`, "POST", undefined, leader)).status).toBe(403);
    expect((await call(`/reports/${second.id}/submit`, "POST")).status).toBe(200);
    expect((await call(`/reports/${second.id}/submit`, "POST")).status).toBe(409);
    expect((await ask({ type: "weekly", due: "2026-11-23" })).status).toBe(409); // frozen: no plain new version

    // The heading changes afterwards: the submitted document still says what was signed.
    const later = { ...HEADING, signerName: "Trần Thị Mới", recipient: "Bộ Nội vụ", distribution: ["Như trên;", "Cục VTLTNN;", "Lưu: VT."] };
    // A save based on "never saved" comes after the centre's: refused, saying whose save it missed.
    const stale = await call("/report-document", "PUT", { ...later, base: null }, department);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(/^Trung tâm Lưu trữ đã lưu thay đổi lúc/);
    expect((await call("/report-document", "PUT", { ...later, base: heading.saved.at }, department)).status).toBe(200);
    const frozenDoc = await readDocx(await (await get(`/projects/${projectId}/reports/${second.id}/docx`)).arrayBuffer());
    expect(frozenDoc.paragraphs).toEqual(expect.arrayContaining(["Nguyễn Văn Ký", "Kính gửi: Ủy ban nhân dân tỉnh", "Thiếu máy quét khổ A0"]));
    expect(frozenDoc.paragraphs.join("\n")).not.toMatch(/Trần Thị Mới|Bộ Nội vụ|Cục VTLTNN/);
    const frozenView = (await (await get(`/projects/${projectId}/reports/${second.id}`)).json()) as { document: { settings: { signerName: string } }; frozen: { submitted: { by: string } } };
    expect(frozenView).toMatchObject({ document: { settings: { signerName: "Nguyễn Văn Ký" } }, frozen: { submitted: { by: "Trung tâm Lưu trữ" } } });
    expect((await call(`/reports/${second.id}/notes`, "PUT", { difficulties: "Sửa sau khi trình" })).status).toBe(409);

    // The department receives it; the calendar says who and when.
    expect((await call(`/reports/${second.id}/receive`, "POST", undefined, department)).status).toBe(200);
    expect((await call(`/reports/${second.id}/receive`, "POST", undefined, department)).status).toBe(409);
    const row = async () => (await calendarOf(projectId)).find((i) => i.type === "weekly" && i.due === "2026-11-23")!;
    expect(await row()).toMatchObject({ state: "received", submitted: { by: "Trung tâm Lưu trữ", version: 2 }, received: { by: "Sở Nội vụ" }, corrected: null });

    // A correction: a reason is required; version 3 is written, version 2 stays frozen and readable.
    expect((await call(`/reports/${second.id}/correction`, "POST", { reason: "" })).status).toBe(400);
    expect((await call(`/reports/${second.id}/correction`, "POST", { reason: "Bổ sung" }, leader)).status).toBe(403);
    const fix = await call(`/reports/${second.id}/correction`, "POST", { reason: "Số trang phông 1 nhập thiếu" });
    expect(fix.status).toBe(201);
    const third = (await fix.json()) as { id: string; version: number };
    expect(third.version).toBe(3);
    expect((await call(`/reports/${second.id}/correction`, "POST", { reason: "Lần nữa" })).status).toBe(409); // no longer the latest
    expect(await row()).toMatchObject({ state: "correcting", report: { id: third.id, version: 3 }, corrected: { by: "Trung tâm Lưu trữ", reason: "Số trang phông 1 nhập thiếu" } });
    const old = (await (await get(`/projects/${projectId}/reports/${second.id}`)).json()) as { notes: { difficulties: string }; frozen: { corrected: { reason: string } } };
    expect(old).toMatchObject({ notes: { difficulties: "Thiếu máy quét khổ A0" }, frozen: { corrected: { reason: "Số trang phông 1 nhập thiếu" } } });

    // The correction is drafted with today's heading and its own notes, then filed in its turn.
    const carried = ((await (await get(`/projects/${projectId}/reports/${third.id}`)).json()) as { notes: { difficulties: string; updatedAt: number } }).notes;
    expect(carried.difficulties).toBe("Thiếu máy quét khổ A0");
    const base = { updatedAt: carried.updatedAt, difficulties: carried.difficulties };
    expect((await call(`/reports/${third.id}/notes`, "PUT", { difficulties: "Đã bổ sung số trang phông 1", base })).status).toBe(200);
    expect((await call(`/reports/${second.id}/notes`, "PUT", { difficulties: "Qua bản cũ" })).status).toBe(409);
    const draft = await readDocx(await (await get(`/projects/${projectId}/reports/${third.id}/docx`)).arrayBuffer());
    expect(draft.paragraphs).toEqual(expect.arrayContaining(["Trần Thị Mới", "Kính gửi: Bộ Nội vụ", "Đã bổ sung số trang phông 1"]));
    expect((await (await get(`/projects/${projectId}/reports/${second.id}`)).json() as { notes: { difficulties: string } }).notes.difficulties).toBe("Thiếu máy quét khổ A0");
    expect((await call(`/reports/${third.id}/submit`, "POST")).status).toBe(200);
    expect(await row()).toMatchObject({ state: "corrected", submitted: { version: 3 }, received: null });
    expect((await call(`/reports/${third.id}/receive`, "POST", undefined, department)).status).toBe(200);
    expect(await row()).toMatchObject({ state: "received", submitted: { version: 3 }, received: { by: "Sở Nội vụ" } });

    const audit = (await (await get(`/projects/${projectId}/audit`)).json()) as { entries: { action: string; actor: string; after: unknown }[] };
    const actions = audit.entries.map((e) => e.action);
    expect(actions.filter((a) => a === "report.submit")).toHaveLength(2);
    expect(actions.filter((a) => a === "report.receive")).toHaveLength(2);
    expect(actions.filter((a) => a === "report.correct")).toHaveLength(1);
    expect(actions.filter((a) => a === "report.document")).toHaveLength(2); // the refused save left no entry
  }, 60_000);

  it("files no ad-hoc report", async () => {
    const { projectId } = await calendarProject();
    const adhoc = (await (await post(`/projects/${projectId}/reports`, { from: "2026-11-01", to: "2026-11-15" })).json()) as { id: string };
    expect((await post(`/projects/${projectId}/reports/${adhoc.id}/submit`, undefined)).status).toBe(400);
    expect((await post(`/projects/${projectId}/reports/${adhoc.id}/correction`, { reason: "Bổ sung" })).status).toBe(400);
  });
});

async function calendarOf(projectId: string): Promise<CalendarItem[]> {
  return ((await (await get(`/projects/${projectId}/reporting-calendar`)).json()) as { items: CalendarItem[] }).items;
}
