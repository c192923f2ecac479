// Snapshots, deltas and cells as the server sends them, for the tests of the dashboard's live feed.
import { WORK_KINDS } from "../../schema/kinds";
import { type Cell, type Delta, type FondsPlan, type ServerMessage, type Snapshot } from "../../schema/wire";
import { applyMessage, dayKey, emptyLiveState, fondsKindKey, stationDayKey, type LiveState } from "../../web/src/live/apply";

export const NO_DAYS = { holidays: [], workingSaturdays: [] };

export const FONDS: FondsPlan[] = [
  { code: "1", name: "UBND huyện Can Lộc", agency: "", restricted: false, approved: { files: 100, pages: 5000 }, funded: { files: 80, pages: 5000 } },
  { code: "2", name: "Phòng Tư pháp huyện Can Lộc", agency: "", restricted: false, approved: { files: 50, metres: 3360 }, funded: {} },
];

export function snapshot(seq: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    type: "snapshot",
    seq,
    project: {
      id: "hatinh-2026",
      provinceId: "ha-tinh",
      name: "Số hóa tài liệu 2026",
      legalBasis: "",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      timeZone: "Asia/Ho_Chi_Minh",
    },
    kinds: WORK_KINDS.map((k) => ({ ...k })),
    fonds: FONDS,
    stations: [{ id: "st-1", name: "Máy 1" }],
    calendar: NO_DAYS,
    totals: [],
    stationDays: [],
    days: [],
    lastActivityAt: null,
    stationsSeen: [],
    at: 1,
    ...over,
  };
}

export const cell = (fonds: string, kind: string, amount: number, station = "st-1", day = "2026-11-23"): Cell => ({ fonds, kind, station, day, amount });

export function delta(from: number, seq: number, cells: Cell[]): Delta {
  return { type: "delta", from, seq, cells, lastActivityAt: seq * 1000, at: seq * 1000 };
}

export function run(messages: ServerMessage[], start: LiveState = emptyLiveState()): LiveState {
  return messages.reduce((s, m) => applyMessage(s, m).state, start);
}

/** What the server would snapshot after these cells: absolute totals, the shape worker/live/store.ts sends. */
export function snapshotOf(seq: number, cells: Cell[]): Snapshot {
  const sum = <T extends string>(key: (c: Cell) => T) => {
    const m = new Map<T, number>();
    for (const c of cells) m.set(key(c), (m.get(key(c)) ?? 0) + c.amount);
    return m;
  };
  return snapshot(seq, {
    totals: [...sum((c) => fondsKindKey(c.fonds, c.kind))].map(([k, amount]) => {
      const [fonds = "", kind = ""] = k.split("\u0000");
      return { fonds, kind, amount };
    }),
    stationDays: [...sum((c) => stationDayKey(c.station, c.kind, c.day))].map(([k, amount]) => {
      const [station = "", kind = "", day = ""] = k.split("\u0000");
      return { station, kind, day, amount };
    }),
    days: [...sum((c) => dayKey(c.kind, c.day))].map(([k, amount]) => {
      const [kind = "", day = ""] = k.split("\u0000");
      return { kind, day, amount };
    }),
  });
}
