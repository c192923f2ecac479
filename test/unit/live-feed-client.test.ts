// The dashboard's side of the live feed: applying snapshots and deltas to its state, and the connection
// (reconnect with backoff, resume from the last seq, keep-alive pings).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WORK_KINDS } from "../../schema/kinds";
import { PING, PONG, type Cell, type Delta, type FondsPlan, type ServerMessage, type Snapshot } from "../../schema/wire";
import { applyMessage, dayKey, emptyLiveState, fondsKindKey, stationDayKey, type LiveState } from "../../web/src/live/apply";
import {
  BACKOFF_MAX_MS,
  LiveFeed,
  PING_INTERVAL_MS,
  SILENCE_LIMIT_MS,
  backoffDelay,
  type ConnectionStatus,
  type SocketHandlers,
} from "../../web/src/live/connection";
import { distinctViewers, plannedKinds } from "../../web/src/live/selectors";

const NO_DAYS = { holidays: [], workingSaturdays: [] };

const FONDS: FondsPlan[] = [
  { code: "1", name: "UBND huyện Can Lộc", agency: "", restricted: false, approved: { files: 100, pages: 5000 }, funded: { files: 80, pages: 5000 } },
  { code: "2", name: "Phòng Tư pháp huyện Can Lộc", agency: "", restricted: false, approved: { files: 50, metres: 3360 }, funded: {} },
];

function snapshot(seq: number, over: Partial<Snapshot> = {}): Snapshot {
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

const cell = (fonds: string, kind: string, amount: number, station = "st-1", day = "2026-11-23"): Cell => ({ fonds, kind, station, day, amount });

function delta(from: number, seq: number, cells: Cell[]): Delta {
  return { type: "delta", from, seq, cells, lastActivityAt: seq * 1000, at: seq * 1000 };
}

function run(messages: ServerMessage[], start: LiveState = emptyLiveState()): LiveState {
  return messages.reduce((s, m) => applyMessage(s, m).state, start);
}

/** What the server would snapshot after these cells: absolute totals, the shape worker/live/store.ts sends. */
function snapshotOf(seq: number, cells: Cell[]): Snapshot {
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

/** A socket the test drives by hand; LiveFeed cannot tell it from the browser's. */
class FakeServer {
  sockets: { url: string; on: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  open = (url: string, on: SocketHandlers) => {
    const socket = { url, on, sent: [] as string[], closed: false };
    this.sockets.push(socket);
    return { send: (text: string) => void socket.sent.push(text), close: () => void (socket.closed = true) };
  };
  get last() {
    const s = this.sockets.at(-1);
    if (!s) throw new Error("no socket opened");
    return s;
  }
  push(message: ServerMessage | string) {
    this.last.on.message(typeof message === "string" ? message : JSON.stringify(message));
  }
}

describe("LiveFeed", () => {
  let server: FakeServer;
  let statuses: ConnectionStatus[];
  let state: LiveState;
  let online: boolean;
  let feed: LiveFeed;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    statuses = [];
    state = emptyLiveState();
    online = true;
    feed = new LiveFeed({
      url: (since) => (since === null ? "ws://x/live" : `ws://x/live?since=${since}`),
      openSocket: server.open,
      onState: (s) => (state = s),
      onStatus: (s) => statuses.push(s),
      onMessageAt: () => {},
      isOnline: () => online,
      random: () => 1,
    });
    feed.start();
  });

  afterEach(() => {
    feed.stop();
    vi.useRealTimers();
  });

  it("backs off from 0.5 s doubling to 15 s, jittered down to at most half", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(20, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });

  it("goes live on the snapshot and pings every 20 s", () => {
    expect(statuses).toEqual(["connecting"]);
    server.last.on.open();
    server.push(snapshot(3));
    expect(statuses).toEqual(["connecting", "live"]);
    expect(state.seq).toBe(3);
    vi.advanceTimersByTime(PING_INTERVAL_MS * 2);
    expect(server.last.sent).toEqual([PING, PING]);
    expect(PING).toBe('{"type":"ping"}');
  });

  it("sends one resync per gap and takes the replay", () => {
    server.last.on.open();
    server.push(snapshot(3));
    server.push(delta(5, 6, [cell("1", "files", 1)]));
    server.push(delta(6, 7, [cell("1", "files", 1)]));
    expect(server.last.sent).toEqual([JSON.stringify({ type: "resync", since: 3 })]);
    server.push({ type: "plan", fonds: FONDS, stations: [], calendar: NO_DAYS });
    server.push(delta(3, 7, [cell("1", "files", 9)]));
    expect(state.seq).toBe(7);
    expect(state.fondsTotals.get(fondsKindKey("1", "files"))).toBe(9);
  });

  it("reconnects with backoff after a close and resumes from the held seq", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close();
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.last.url).toBe("ws://x/live?since=8");
    server.last.on.close(); // refused again: the wait doubles
    vi.advanceTimersByTime(999);
    expect(server.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(3);
    server.last.on.open();
    server.push({ type: "plan", fonds: FONDS, stations: [], calendar: NO_DAYS });
    server.push(delta(8, 9, [cell("1", "files", 1)]));
    expect(statuses.at(-1)).toBe("live");
    expect(state.seq).toBe(9);
  });

  it("reconnects at once for a full snapshot when the server says the watcher's access changed (4003)", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close(4003);
    expect(server.sockets).toHaveLength(2);
    expect(server.last.url).toBe("ws://x/live");
    server.last.on.close(); // that attempt failed: back off, still without `since` until a snapshot comes
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live");
    server.last.on.open();
    server.push(snapshot(9));
    expect(state.seq).toBe(9);
    server.last.on.close();
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=9");
  });

  it("backs off as before after a session ended (4001)", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close(4001);
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=8");
  });

  it("takes a socket silent for 45 s for dead, while pongs keep it alive", () => {
    server.last.on.open();
    server.push(snapshot(1));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(PING_INTERVAL_MS);
      server.push(PONG);
    }
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(SILENCE_LIMIT_MS);
    expect(server.sockets[0]!.closed).toBe(true);
    expect(statuses.at(-1)).toBe("reconnecting");
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=1");
  });

  it("ignores events of a socket it has already dropped", () => {
    server.last.on.open();
    server.push(snapshot(2));
    const old = server.last;
    vi.advanceTimersByTime(SILENCE_LIMIT_MS + 500);
    old.on.message(JSON.stringify(snapshot(99)));
    old.on.close();
    expect(state.seq).toBe(2);
    expect(server.sockets).toHaveLength(2);
  });

  it("says offline while the browser is offline and reconnects at once when it is back", () => {
    server.last.on.open();
    server.push(snapshot(4));
    online = false;
    feed.offline();
    server.last.on.close();
    expect(statuses.at(-1)).toBe("offline");
    online = true;
    feed.online();
    expect(server.sockets).toHaveLength(2);
    expect(server.last.url).toBe("ws://x/live?since=4");
    expect(statuses.at(-1)).toBe("reconnecting");
  });

  it("says offline after repeated failures", () => {
    for (let i = 0; i < 6; i++) {
      server.last.on.close();
      vi.advanceTimersByTime(BACKOFF_MAX_MS);
    }
    expect(statuses.at(-1)).toBe("offline");
  });
});
