// Compact delta frames (schema/wire.ts CompactDelta) against plain ones, end to end: watchers that ask for
// each get the same frames (same from/seq chain, same cells once decoded), corrections included; and a
// watcher who may not see a restricted fonds gets indices into its own lists, which lack that fonds.
import { describe, expect, it } from "vitest";
import { decodeCells, type FrameLists } from "../../schema/compact-frame";
import type { Cell, CompactDelta, Delta, ServerMessage, Snapshot } from "../../schema/wire";
import { api, ADMIN, createProject, daysFromToday, post, postCounters, signIn, Watcher } from "./helpers";

const HIDDEN = "M-7";
const PLAN = [
  "STT\tMã phông\tTên phông\tNhập trường thông tin hồ sơ\tNhập trường thông tin văn bản\tSố hóa trang tài liệu",
  "1\tA1\tỦy ban nhân dân huyện Can Lộc\t43\t4.895\t11.062",
  `2\t${HIDDEN}\tPhông Mật\t19\t4.567\t98.765`,
  "3\tA2\tPhòng Tư pháp huyện Can Lộc\t23\t206\t1.640",
].join("\n");

const sorted = (cells: Cell[]) => [...cells].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const deltas = (w: Watcher) => w.messages.filter((m): m is Delta => m.type === "delta");
const compact = (w: Watcher) => w.messages.filter((m): m is CompactDelta => m.type === "cdelta");
const snapshotOf = (w: Watcher) => w.messages.find((m): m is Snapshot => m.type === "snapshot")!;

function decodedFrames(w: Watcher): { from: number; seq: number; cells: Cell[] }[] {
  const snap = snapshotOf(w);
  const lists: FrameLists = snap;
  return compact(w).map((m) => ({ from: m.from, seq: m.seq, cells: sorted(decodeCells(m, lists) ?? []) }));
}

async function counters(projectId: string, token: string, prefix: string, fonds: string[]): Promise<void> {
  const events = fonds.flatMap((f, i) => [
    { id: `${prefix}-${i}-p`, fonds: f, kind: "pages", delta: 10 + i },
    { id: `${prefix}-${i}-d`, fonds: f, kind: "documents", delta: 3 + i, at: `${daysFromToday(-28)}T09:00:00+07:00` },
  ]);
  expect((await postCounters(projectId, token, { events })).status).toBe(200);
}

describe("compact delta frames", () => {
  it("carry exactly the cells of the plain frames, frame by frame, corrections included", async () => {
    const { projectId, tokens } = await createProject(2);
    const plain = await Watcher.open(projectId);
    const small = await Watcher.open(projectId, "?frames=compact");
    for (const w of [plain, small]) await w.until((m) => m.some((x) => x.type === "snapshot"));
    await counters(projectId, tokens[0]!, "a", ["1", "2"]);
    await counters(projectId, tokens[1]!, "b", ["3", "1"]);
    expect((await post(`/projects/${projectId}/corrections`, { fonds: "2", kind: "pages", delta: -4, reason: "đối soát" })).status).toBe(201);
    await plain.until(() => plain.state().seq === 9);
    await small.until(() => small.state().seq === 9);
    expect(compact(small).length).toBeGreaterThan(0);
    expect(deltas(small)).toEqual([]);
    expect(decodedFrames(small)).toEqual(deltas(plain).map((d) => ({ from: d.from, seq: d.seq, cells: sorted(d.cells) })));
    expect(small.state().totals).toEqual(plain.state().totals);
    expect(JSON.stringify(compact(small)).length).toBeLessThan(JSON.stringify(deltas(plain)).length);
    plain.close();
    small.close();
  });

  it("index a restricted audience into lists without the hidden fonds", async () => {
    const { projectId, provinceId, tokens } = await createProject(1, PLAN);
    expect((await api(`/projects/${projectId}/fonds/${HIDDEN}`, { method: "PATCH", headers: ADMIN, body: JSON.stringify({ restricted: true }) })).status).toBe(200);
    const leader = await signIn("Lãnh đạo", "leader", { provinceId });
    const supervisor = await signIn("Giám sát", "supervisor", { provinceId });
    const watch = (cookie: string) => Watcher.open(projectId, "?frames=compact", { Cookie: cookie });
    const [l, s] = [await watch(leader.cookie), await watch(supervisor.cookie)];
    for (const w of [l, s]) await w.until((m) => m.some((x) => x.type === "snapshot"));
    expect(snapshotOf(l).fonds.map((f) => f.code)).toEqual(["A1", "A2"]);
    await counters(projectId, tokens[0]!, "v", ["A1", HIDDEN, "A2"]);
    await s.until(() => s.state().seq === 6);
    await l.until(() => l.state().seq === 6);
    const seen = (w: Watcher) => new Set(decodedFrames(w).flatMap((f) => f.cells.map((c) => c.fonds)));
    expect(seen(l)).toEqual(new Set(["A1", "A2"]));
    expect(seen(s)).toEqual(new Set(["A1", HIDDEN, "A2"]));
    // The hidden code never travels to the leader, not even as a string in place of an index.
    expect(JSON.stringify(l.messages.filter((m: ServerMessage) => m.type === "cdelta"))).not.toContain(HIDDEN);
    // Each feed is indexed into its own lists: the leader's have two fonds, the supervisor's three.
    const indices = (w: Watcher) => new Set(compact(w).flatMap((m) => m.cells.map((c) => c[0])));
    expect(indices(l)).toEqual(new Set([0, 1]));
    expect(indices(s)).toEqual(new Set([0, 1, 2]));
    l.close();
    s.close();
  });
});
