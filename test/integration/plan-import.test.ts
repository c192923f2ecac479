import { describe, expect, it } from "vitest";
import hatinh from "../../../shared/fixtures/hatinh-2021-results.tsv?raw";
import khanhhoa from "../../../shared/fixtures/khanhhoa-2024-arrangement.tsv?raw";
import type { Snapshot } from "../../schema/wire";
import { createProject, get, post } from "./helpers";

async function snapshot(projectId: string): Promise<Snapshot> {
  return (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
}

function planTotal(snap: Snapshot, kind: string): number {
  return snap.fonds.reduce((s, f) => s + (f.approved[kind] ?? 0), 0);
}

describe("POST /api/v1/projects/:projectId/plan/import", () => {
  it("imports the Hà Tĩnh table as pasted: 21 fonds in order with their targets", async () => {
    const { projectId } = await createProject();
    const res = await post(`/projects/${projectId}/plan/import`, { table: hatinh });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ fonds: 21, totals: { files: 2147, documents: 64619, pages: 330345 } });
    const snap = await snapshot(projectId);
    expect(snap.fonds).toHaveLength(21); // the three fonds of the test plan are codes 1–3 of the same table
    expect(snap.fonds[3]).toMatchObject({ code: "4", name: "Phòng Lao động - Thương binh và xã hội huyện Can Lộc" });
    expect(snap.fonds[20]?.name).toBe("Ủy ban nhân dân tỉnh Hà Tĩnh");
    expect([planTotal(snap, "files"), planTotal(snap, "documents"), planTotal(snap, "pages")]).toEqual([2147, 64619, 330345]);
  });

  it("imports the Khánh Hòa arrangement plan in metres to the centimetre", async () => {
    const { projectId } = await createProject();
    const res = await post(`/projects/${projectId}/plan/import`, { table: khanhhoa, target: "approved" });
    expect(res.status).toBe(200);
    const snap = await snapshot(projectId);
    expect(planTotal(snap, "metres")).toBe(242940);
    expect(planTotal(snap, "metres_loose")).toBe(309850);
    expect(snap.fonds.find((f) => f.code === "04")).toMatchObject({ name: "Huyện Diên Khánh", approved: { metres: 3360, metres_loose: 43320 }, funded: {} });
  });

  it("keeps approved and funded targets apart (funding can be below plan)", async () => {
    const { projectId } = await createProject();
    const funded = "STT\tTên phông\tSố hóa trang tài liệu\n1\tỦy ban nhân dân huyện Can Lộc\t9.000\nTổng\t\t9.000";
    expect((await post(`/projects/${projectId}/plan/import`, { table: funded, target: "funded" })).status).toBe(200);
    const f = (await snapshot(projectId)).fonds.find((x) => x.code === "1");
    expect(f?.approved.pages).toBe(11062);
    expect(f?.funded.pages).toBe(9000);
  });

  it("refuses a table whose totals row does not match, naming line and column, and changes nothing", async () => {
    const { projectId } = await createProject();
    const before = await snapshot(projectId);
    const wrong = hatinh.replace("2.147\t64.619\t330.345", "2.147\t64.619\t330.346");
    const res = await post(`/projects/${projectId}/plan/import`, { table: wrong });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { line: number; column: number }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([expect.objectContaining({ line: 23, column: 5 })]);
    expect((await snapshot(projectId)).fonds).toEqual(before.fonds);
  });

  it("needs the admin token and an existing project", async () => {
    const { projectId } = await createProject();
    const anon = await post(`/projects/${projectId}/plan/import`, { table: hatinh }, { "Content-Type": "application/json" });
    expect(anon.status).toBe(401);
    expect((await post("/projects/nope/plan/import", { table: hatinh })).status).toBe(404);
  });
});
