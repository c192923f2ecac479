// The dashboard's side of the live feed: applying snapshots and deltas to its state, and the figures
// the page derives from it.
import { describe, expect, it } from "vitest";
import { type FondsPlan } from "../../schema/wire";
import { applyMessage, dayKey, emptyLiveState, fondsKindKey, stationDayKey } from "../../web/src/live/apply";
import { distinctViewers, plannedKinds } from "../../web/src/live/selectors";
import { NO_DAYS, FONDS, cell, snapshot, delta, run, snapshotOf } from "./live-feed-fixtures";

describe("applyMessage", () => {
  it("takes the snapshot's totals, then adds each delta to all three views", () => {
    const start = run([
      snapshot(10, {
        totals: [{ fonds: "1", kind: "files", amount: 40 }],
        stationDays: [{ station: "st-1", kind: "files", day: "2026-11-22", amount: 40 }],
        days: [{ kind: "files", day: "2026-11-22", amount: 40 }],
      }),
    ]);
    const state = run(
      [
        delta(10, 12, [cell("1", "files", 5), cell("2", "metres", 1250, "st-2")]),
        delta(12, 13, [cell("1", "files", 3, "st-1", "2026-11-22"), cell("2", "metres", 10, "st-2")]),
      ],
      start,
    );
    expect(state.seq).toBe(13);
    expect(state.fondsTotals.get(fondsKindKey("1", "files"))).toBe(48);
    expect(state.fondsTotals.get(fondsKindKey("2", "metres"))).toBe(1260); // 12,60 m, exact in base units
    expect(state.stationDays.get(stationDayKey("st-1", "files", "2026-11-22"))).toBe(43);
    expect(state.stationDays.get(stationDayKey("st-1", "files", "2026-11-23"))).toBe(5);
    expect(state.stationDays.get(stationDayKey("st-2", "metres", "2026-11-23"))).toBe(1260);
    expect(state.days.get(dayKey("files", "2026-11-22"))).toBe(43);
    expect(state.days.get(dayKey("files", "2026-11-23"))).toBe(5);
    expect(state.lastActivityAt).toBe(13_000);
  });

  it("leaves the previous state untouched and keeps the plan's identity across a delta", () => {
    const before = run([snapshot(1)]);
    const after = run([delta(1, 2, [cell("1", "files", 1)])], before);
    expect(before.fondsTotals.size).toBe(0);
    expect(before.seq).toBe(1);
    expect(after.fonds).toBe(before.fonds);
    expect(after.fondsTotals).not.toBe(before.fondsTotals);
  });

  it("ignores a stale delta it already holds", () => {
    const held = run([snapshot(5), delta(5, 8, [cell("1", "files", 2)])]);
    for (const stale of [delta(5, 8, [cell("1", "files", 2)]), delta(3, 6, [cell("1", "files", 9)])]) {
      const result = applyMessage(held, stale);
      expect(result.state).toBe(held);
      expect(result.resyncFrom).toBeUndefined();
    }
    expect(held.fondsTotals.get(fondsKindKey("1", "files"))).toBe(2);
  });

  it("asks for a resync from the held seq on a gap, and applies nothing", () => {
    const held = run([snapshot(5)]);
    const gap = applyMessage(held, delta(7, 9, [cell("1", "files", 4)]));
    expect(gap.resyncFrom).toBe(5);
    expect(gap.state).toBe(held);
    // Overlapping (from < held < seq) is a gap too: coalesced cells cannot be applied in part.
    expect(applyMessage(run([delta(5, 7, [])], held), delta(6, 9, [])).resyncFrom).toBe(7);
  });

  it("takes a later snapshot whole, even at a lower seq (the project's store was reset)", () => {
    const held = run([snapshot(50, { totals: [{ fonds: "1", kind: "files", amount: 99 }] })]);
    const reset = run([snapshot(2, { totals: [{ fonds: "1", kind: "files", amount: 4 }] })], held);
    expect(reset.seq).toBe(2);
    expect(reset.fondsTotals).toEqual(new Map([[fondsKindKey("1", "files"), 4]]));
    expect(run([delta(2, 3, [cell("1", "files", 1)])], reset).fondsTotals.get(fondsKindKey("1", "files"))).toBe(5);
  });

  it("ignores deltas before the first snapshot", () => {
    const result = applyMessage(emptyLiveState(), delta(0, 3, [cell("1", "files", 1)]));
    expect(result.state.seq).toBeNull();
    expect(result.resyncFrom).toBeUndefined();
  });

  it("catches up exactly with the replay after a reconnect (plan, then one delta from the held seq)", () => {
    const before = [cell("1", "files", 10), cell("1", "pages", 700)];
    const missed = [cell("1", "files", 5), cell("2", "metres", 3360, "st-2"), cell("1", "pages", 300, "st-1", "2026-11-24")];
    const held = run([snapshotOf(4, before)]);
    // While the socket was down the server moved from 4 to 9; ?since=4 replays (4, 9] coalesced.
    const resumed = run(
      [
        { type: "plan", fonds: FONDS, stations: [{ id: "st-1", name: "Máy 1" }, { id: "st-2", name: "Máy 2" }], calendar: NO_DAYS },
        delta(4, 9, missed),
        delta(9, 11, [cell("2", "files", 1)]),
      ],
      held,
    );
    const fresh = run([snapshotOf(11, [...before, ...missed, cell("2", "files", 1)])]);
    expect(resumed.seq).toBe(11);
    expect(resumed.fondsTotals).toEqual(fresh.fondsTotals);
    expect(resumed.stationDays).toEqual(fresh.stationDays);
    expect(resumed.days).toEqual(fresh.days);
    expect(resumed.stations.map((s) => s.id)).toEqual(["st-1", "st-2"]);
  });

  it("replaces fonds and stations on a plan message and keeps the totals", () => {
    const held = run([snapshot(3, { totals: [{ fonds: "1", kind: "files", amount: 7 }] })]);
    const moved: FondsPlan[] = [{ ...FONDS[0]!, approved: { files: 60 } }, { ...FONDS[1]!, approved: { files: 90 } }];
    const next = run([{ type: "plan", fonds: moved, stations: [], calendar: NO_DAYS }], held);
    expect(next.fonds).toBe(moved);
    expect(next.stations).toEqual([]);
    expect(next.seq).toBe(3);
    expect(next.fondsTotals).toBe(held.fondsTotals);
    expect(next.fonds[0]?.approved.files).toBe(moved[0]?.approved.files);
  });

  it("lists the viewers from presence and keeps them through a later snapshot", () => {
    const viewers = [
      { id: "a", name: "Sở Nội vụ", role: "viewer" },
      { id: "b", name: "Khách", role: "viewer" },
    ];
    const state = run([snapshot(1), { type: "presence", viewers }, snapshot(4)]);
    expect(state.viewers).toEqual(viewers);
    expect(run([{ type: "presence", viewers: [] }], state).viewers).toEqual([]);
  });
});

describe("page figures", () => {
  it("lists planned kinds in the kinds' order", () => {
    expect(plannedKinds(new Map([["sheets", 1], ["metres", 3360], ["files", 150], ["documents", 0]]))).toEqual(["files", "metres", "sheets"]);
  });

  it("lists a person watching from two screens once", () => {
    const lan = { id: "u1", name: "Nguyễn Thị Lan", role: "leader" };
    const minh = { id: "u2", name: "Trần Văn Minh", role: "supervisor" };
    expect(distinctViewers([lan, minh, { ...lan }])).toEqual([lan, minh]);
  });
});
