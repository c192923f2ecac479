// When each station last posted, and what posts for it: the scan-PC agent, a person, or a script.
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../schema/wire";
import { api, createProject, get } from "./helpers";

describe("what posts for each station", () => {
  it("records when a station last posted and whether the agent, a person or a script posted", async () => {
    const { projectId, tokens, stationIds } = await createProject(3);
    const as = (token: string, ua: string) => ({ "Content-Type": "application/json", Authorization: `Bearer ${token}`, "User-Agent": ua });
    const body = (id: string) => JSON.stringify({ events: [{ id, fonds: "1", kind: "pages", delta: 3 }] });
    expect((await api(`/projects/${projectId}/counters`, { method: "POST", headers: as(tokens[0]!, "archive-scan-agent/1.0.0 (node 20; win32)"), body: body("a1") })).status).toBe(200);
    expect((await api(`/projects/${projectId}/counters`, { method: "POST", headers: as(tokens[1]!, "Mozilla/5.0 Chrome/131"), body: body("m1") })).status).toBe(200);
    const before = Date.now();
    // A retry of work already counted still shows the station is alive.
    expect((await api(`/projects/${projectId}/counters`, { method: "POST", headers: as(tokens[0]!, "archive-scan-agent/1.0.1"), body: body("a1") })).status).toBe(200);
    const snap = (await (await get(`/projects/${projectId}/snapshot`)).json()) as Snapshot;
    const seen = new Map(snap.stationsSeen.map((s) => [s.station, s]));
    expect(seen.get(stationIds[0]!)).toMatchObject({ client: "agent/1.0.1" });
    expect(seen.get(stationIds[0]!)!.lastPostAt).toBeGreaterThanOrEqual(before);
    expect(seen.get(stationIds[1]!)).toMatchObject({ client: "manual" });
    expect(seen.has(stationIds[2]!)).toBe(false);
  });
});
