// An administrator renames a fonds (phông) from the plan page: the live plan carries the new name at once,
// the audit log keeps the old and the new, and a bad name changes nothing.
import { describe, expect, it } from "vitest";
import { api, ADMIN, createProject, get } from "./helpers";

const patch = (path: string, body: unknown) => api(path, { method: "PATCH", headers: ADMIN, body: JSON.stringify(body) });

describe("PATCH /api/v1/projects/:projectId/fonds/:fondsCode", () => {
  it("renames the fonds: the snapshot names it anew and the audit log keeps both names", async () => {
    const { projectId } = await createProject(1);
    const res = await patch(`/projects/${projectId}/fonds/2`, { name: "Phòng Tư pháp huyện Can Lộc (1991 - 2015)" });
    expect(res.status).toBe(200);
    const snapshot = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { fonds: { code: string; name: string }[] };
    expect(snapshot.fonds.find((f) => f.code === "2")?.name).toBe("Phòng Tư pháp huyện Can Lộc (1991 - 2015)");
    const audit = (await (await get(`/projects/${projectId}/audit?action=fonds`)).json()) as { entries: { target: string; before: { name: string }; after: { name: string } }[] };
    expect(audit.entries[0]).toMatchObject({ target: "2", before: { name: "Phòng Tư pháp huyện Can Lộc" }, after: { name: "Phòng Tư pháp huyện Can Lộc (1991 - 2015)" } });
  });

  it("refuses an empty name beside its field and changes nothing", async () => {
    const { projectId } = await createProject(1);
    const res = await patch(`/projects/${projectId}/fonds/2`, { name: "   ", agency: "Sở Tư pháp" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(["name"]);
    const snapshot = (await (await get(`/projects/${projectId}/snapshot`)).json()) as { fonds: { code: string; name: string; agency: string }[] };
    expect(snapshot.fonds.find((f) => f.code === "2")).toMatchObject({ name: "Phòng Tư pháp huyện Can Lộc", agency: "" });
  });
});
