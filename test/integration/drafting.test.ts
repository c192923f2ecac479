// Drafted together: the centre's notes of a report, saved by several people at once. A stale save is
// refused with the other's version (nothing lost) unless it changes only what the other did not; every
// watcher of the project hears of a save, without the reasons of fonds it may not see.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ReportNotesSaved } from "../../schema/wire";
import { auditStatementIfChanged } from "../../worker/lib/audit";
import { ADMIN, api, createProject, get, post, signIn, Watcher, type SignedIn } from "./helpers";

interface Notes {
  difficulties: string;
  proposals: string;
  reasons: Record<string, string>;
  updatedBy: string;
  updatedAt: number;
}

async function draftedReport() {
  const project = await createProject();
  const report = (await (await post(`/projects/${project.projectId}/reports`, { from: "2026-03-01", to: "2026-03-31" })).json()) as { id: string };
  const lan = await signIn("Nguyễn Thị Lan", "supervisor", { provinceId: project.provinceId });
  const hung = await signIn("Trần Văn Hùng", "admin", { provinceId: project.provinceId });
  const put = (who: SignedIn, body: unknown) => api(`/projects/${project.projectId}/reports/${report.id}/notes`, { method: "PUT", headers: who.headers, body: JSON.stringify(body) });
  const notes = async () => ((await (await get(`/projects/${project.projectId}/reports/${report.id}`)).json()) as { notes: Notes | null }).notes;
  return { ...project, reportId: report.id, lan, hung, put, notes };
}

const auditOf = async (projectId: string) =>
  (await env.DB.prepare("SELECT actor_name AS who, before, after FROM audit_log WHERE project_id = ? AND action = 'report.notes' ORDER BY id").bind(projectId).all<{ who: string; before: string; after: string }>()).results;

describe("PUT /api/v1/projects/:projectId/reports/:reportId/notes drafted by two people", () => {
  it("refuses a save based on a version someone replaced, with who, when and their text; nothing is lost", async () => {
    const d = await draftedReport();
    const first = (await (await d.put(d.lan, { difficulties: "Giấy mỏng", base: { updatedAt: null } })).json()) as Notes;
    // Both open this version; Hùng saves first.
    const hung = await d.put(d.hung, { difficulties: "Giấy mỏng, mực phai", base: { updatedAt: first.updatedAt, difficulties: "Giấy mỏng" } });
    expect(hung.status).toBe(200);
    const stale = await d.put(d.lan, { difficulties: "Giấy mỏng, dễ rách", base: { updatedAt: first.updatedAt, difficulties: "Giấy mỏng" } });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; message: string; details: { current: Notes; conflicts: string[] } } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toContain("Trần Văn Hùng");
    expect(body.error.details.conflicts).toEqual(["difficulties"]);
    expect(body.error.details.current).toMatchObject({ difficulties: "Giấy mỏng, mực phai", updatedBy: "Trần Văn Hùng" });
    expect((await d.notes())?.difficulties).toBe("Giấy mỏng, mực phai");
    // Lan merges both texts on the version she was shown: it lands.
    const merged = await d.put(d.lan, { difficulties: "Giấy mỏng, mực phai, dễ rách", base: { updatedAt: body.error.details.current.updatedAt, difficulties: "Giấy mỏng, mực phai" } });
    expect(merged.status).toBe(200);
    expect((await d.notes())?.difficulties).toBe("Giấy mỏng, mực phai, dễ rách");
    // Every save that landed is in the audit log, the refused one is not.
    const audit = await auditOf(d.projectId);
    expect(audit.map((a) => JSON.parse(a.after).difficulties)).toEqual(["Giấy mỏng", "Giấy mỏng, mực phai", "Giấy mỏng, mực phai, dễ rách"]);
    expect(JSON.parse(audit[1]!.before)).toEqual({ difficulties: "Giấy mỏng" });
  });

  it("merges a stale save that changes only fields the other did not change", async () => {
    const d = await draftedReport();
    const first = (await (await d.put(d.lan, { difficulties: "Giấy mỏng", proposals: "Bố trí kinh phí", base: { updatedAt: null } })).json()) as Notes;
    expect((await d.put(d.hung, { difficulties: "Giấy mục", reasons: { "1/pages": "Máy quét hỏng" }, base: { updatedAt: first.updatedAt } })).status).toBe(200);
    const lan = await d.put(d.lan, { proposals: "Thêm hai người", reasons: { "2/pages": "Mất điện" }, base: { updatedAt: first.updatedAt, proposals: "Bố trí kinh phí" } });
    expect(lan.status).toBe(200);
    expect(await d.notes()).toMatchObject({ difficulties: "Giấy mục", proposals: "Thêm hai người", reasons: { "1/pages": "Máy quét hỏng", "2/pages": "Mất điện" }, updatedBy: "Nguyễn Thị Lan" });
  });

  it("tells the project's watchers, without the reasons of a restricted fonds for a leader", async () => {
    const d = await draftedReport();
    expect((await api(`/projects/${d.projectId}/fonds/3`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) })).status).toBe(200);
    const leader = await signIn("Lê Văn Minh", "leader", { provinceId: d.provinceId });
    const all = await Watcher.open(d.projectId, "", { Cookie: d.hung.cookie });
    const few = await Watcher.open(d.projectId, "", { Cookie: leader.cookie });
    const saved = (m: Watcher) => m.messages.filter((x): x is ReportNotesSaved => x.type === "report-notes");
    expect((await d.put(d.lan, { proposals: "Bố trí kinh phí", reasons: { "1/pages": "Mất điện", "3/pages": "Tài liệu mật hư hỏng" }, base: { updatedAt: null } })).status).toBe(200);
    await all.until(() => saved(all).length === 1);
    await few.until(() => saved(few).length === 1);
    expect(saved(all)[0]).toMatchObject({ period: { type: "adhoc", from: "2026-03-01", to: "2026-03-31" }, notes: { proposals: "Bố trí kinh phí", reasons: { "1/pages": "Mất điện", "3/pages": "Tài liệu mật hư hỏng" } }, updatedBy: "Nguyễn Thị Lan" });
    expect(saved(all)[0]!.changed.sort()).toEqual(["proposals", "reasons/1/pages", "reasons/3/pages"]);
    expect(saved(few)[0]!.notes?.reasons).toEqual({ "1/pages": "Mất điện" });
    expect(JSON.stringify(few.messages)).not.toContain("mật");
    // A change to the hidden fonds' reason alone is news only to those who may see it.
    const v = (await d.notes())!.updatedAt;
    expect((await d.put(d.lan, { reasons: { "3/pages": "Đã sửa" }, base: { updatedAt: v } })).status).toBe(200);
    await all.until(() => saved(all).length === 2);
    expect((await d.put(d.lan, { difficulties: "Giấy mỏng", base: { updatedAt: (await d.notes())!.updatedAt } })).status).toBe(200);
    await few.until(() => saved(few).length === 2);
    expect(saved(few)[1]!.changed).toEqual(["difficulties"]);
    all.close();
    few.close();
  });

  it("shows in presence which report a watcher has open", async () => {
    const d = await draftedReport();
    const a = await Watcher.open(d.projectId, "", { Cookie: d.lan.cookie });
    const b = await Watcher.open(d.projectId, "", { Cookie: d.hung.cookie });
    a.ws.send(JSON.stringify({ type: "viewing", reportId: d.reportId }));
    const onReport = (w: Watcher) => {
      const p = w.messages.findLast((m) => m.type === "presence");
      return p?.type === "presence" ? p.viewers.filter((v) => v.reportId === d.reportId).map((v) => v.name) : [];
    };
    await b.until(() => onReport(b).includes("Nguyễn Thị Lan"));
    a.ws.send(JSON.stringify({ type: "viewing", reportId: null }));
    await b.until(() => onReport(b).length === 0);
    a.close();
    b.close();
  });

  it("writes no audit entry for a guarded write that lost its race", async () => {
    const target = `race-${crypto.randomUUID()}`;
    const p = { kind: "operator" } as Parameters<typeof auditStatementIfChanged>[1];
    const lost = env.DB.prepare("UPDATE report_notes SET proposals = 'x' WHERE project_id = ?").bind(target);
    await env.DB.batch([lost, auditStatementIfChanged(env.DB, p, { action: "report.notes", target })]);
    const won = env.DB.prepare("INSERT INTO report_notes (project_id, type, from_day, to_day, updated_by, updated_at) VALUES (?, 'adhoc', 'a', 'b', 'x', 1)").bind(target);
    await env.DB.batch([won, auditStatementIfChanged(env.DB, p, { action: "report.notes", target })]);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE target = ?").bind(target).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });
});
