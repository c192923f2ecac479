// The dashboard's copy of one project's live totals, and the one pure function that moves it forward
// with each feed message (schema/wire.ts; the sender is worker/live/room.ts). Connection handling is in
// connection.ts. Changed parts are new objects and maps, unchanged parts keep their identity, so Solid
// memos over e.g. `state.fonds` do not re-run for a delta.
import { projectCalendar, type WorkCalendar } from "../../../schema/calendar";
import { dayKey, fondsKindKey, stationDayKey } from "../../../schema/cell-keys";
export { dayKey, fondsKindKey, splitKey, stationDayKey } from "../../../schema/cell-keys";
import { decodeCells } from "../../../schema/compact-frame";
import type {
  AlertView,
  CompactDelta,
  DayTotal,
  Delta,
  FondsPlan,
  FondsTotal,
  KindInfo,
  ProjectInfo,
  ServerMessage,
  Snapshot,
  StationDayTotal,
  StationInfo,
  ReportNotesSaved,
  Viewer,
} from "../../../schema/wire";

export interface LiveState {
  /** The feed seq these totals include; null until the first snapshot. */
  seq: number | null;
  project: ProjectInfo | null;
  kinds: readonly KindInfo[];
  fonds: readonly FondsPlan[]; // phông, with plan targets
  stations: readonly StationInfo[];
  /** The project's working calendar as the server sends it (schema/wire.ts WireCalendar). */
  calendar: WorkCalendar;
  /** fonds × kind → amount (key: fondsKindKey), all time. */
  fondsTotals: ReadonlyMap<string, number>;
  /** station × kind × day → amount (key: stationDayKey); the snapshot brings the last 62 days. */
  stationDays: ReadonlyMap<string, number>;
  /** kind × day → amount (key: dayKey), all time. */
  days: ReadonlyMap<string, number>;
  viewers: readonly Viewer[];
  /** The project's current alerts as the server last sent them whole; null until the first `alerts`. */
  alerts: readonly AlertView[] | null;
  /** Epoch ms of the last counter the project accepted. */
  lastActivityAt: number | null;
  /** station id → when it last posted and what posted (the snapshot's, moved on by deltas with its cells). */
  stationsSeen: ReadonlyMap<string, { lastPostAt: number; client: string | null }>;
  /** Server clock of the last snapshot or applied delta. */
  serverAt: number | null;
  /** The last save of a report's notes the feed told of (a report page applies it if it shows that period). */
  reportNotes: ReportNotesSaved | null;
}

export interface ApplyResult {
  state: LiveState;
  /** Set when a delta showed a gap: ask the server to replay from this seq (ClientMessage "resync"). */
  resyncFrom?: number;
}


export function emptyLiveState(): LiveState {
  return {
    seq: null,
    project: null,
    kinds: [],
    fonds: [],
    stations: [],
    // Until the first snapshot: the national calendar, so nothing reads an empty one meanwhile.
    calendar: projectCalendar(null),
    fondsTotals: new Map(),
    stationDays: new Map(),
    days: new Map(),
    viewers: [],
    alerts: null,
    lastActivityAt: null,
    stationsSeen: new Map(),
    serverAt: null,
    reportNotes: null,
  };
}

export function applyMessage(state: LiveState, msg: ServerMessage): ApplyResult {
  switch (msg.type) {
    case "snapshot":
      return { state: fromSnapshot(msg, state) };
    case "delta":
      return applyDelta(state, msg);
    case "cdelta":
      return applyCompact(state, msg);
    case "presence":
      return { state: { ...state, viewers: msg.viewers } };
    case "plan":
      return { state: { ...state, project: msg.project ?? state.project, fonds: msg.fonds, stations: msg.stations, calendar: msg.calendar } };
    case "alerts":
      return { state: { ...state, alerts: msg.alerts } };
    case "report-notes":
      return { state: { ...state, reportNotes: msg } };
    default:
      // A message type this build does not know yet (a newer worker): nothing to apply.
      return { state };
  }
}

function fromSnapshot(snap: Snapshot, held: LiveState): LiveState {
  return {
    seq: snap.seq,
    project: snap.project,
    kinds: snap.kinds,
    fonds: snap.fonds,
    stations: snap.stations,
    calendar: snap.calendar,
    fondsTotals: indexTotals(snap.totals, (t: FondsTotal) => fondsKindKey(t.fonds, t.kind)),
    stationDays: indexTotals(snap.stationDays, (t: StationDayTotal) => stationDayKey(t.station, t.kind, t.day)),
    days: indexTotals(snap.days, (t: DayTotal) => dayKey(t.kind, t.day)),
    // Presence and alerts are their own messages; a resync snapshot must not forget them.
    viewers: held.viewers,
    alerts: held.alerts,
    lastActivityAt: snap.lastActivityAt,
    stationsSeen: new Map(snap.stationsSeen.map((s) => [s.station, { lastPostAt: s.lastPostAt, client: s.client }])),
    serverAt: snap.at,
    reportNotes: held.reportNotes,
  };
}

function indexTotals<T extends { amount: number }>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    map.set(k, (map.get(k) ?? 0) + row.amount);
  }
  return map;
}

function applyDelta(state: LiveState, delta: Delta): ApplyResult {
  const held = state.seq;
  // Nothing held yet: the snapshot that must come first will include this delta.
  if (held === null) return { state };
  if (delta.seq <= held) return { state };
  if (delta.from !== held) return { state, resyncFrom: held };

  const next: LiveState = { ...state, seq: delta.seq, serverAt: delta.at, lastActivityAt: delta.lastActivityAt ?? state.lastActivityAt };
  if (delta.cells.length > 0) {
    const fondsTotals = new Map(state.fondsTotals);
    const stationDays = new Map(state.stationDays);
    const days = new Map(state.days);
    for (const c of delta.cells) {
      add(fondsTotals, fondsKindKey(c.fonds, c.kind), c.amount);
      add(stationDays, stationDayKey(c.station, c.kind, c.day), c.amount);
      add(days, dayKey(c.kind, c.day), c.amount);
    }
    next.fondsTotals = fondsTotals;
    next.stationDays = stationDays;
    next.days = days;
    // A station whose counters arrive has just posted; what posted stays as the snapshot said.
    const seen = new Map(state.stationsSeen);
    for (const c of delta.cells) seen.set(c.station, { lastPostAt: delta.at, client: seen.get(c.station)?.client ?? null });
    next.stationsSeen = seen;
  }
  return { state: next };
}

/** A compact delta (schema/wire.ts) is the same delta with its cells indexed into the lists held. */
function applyCompact(state: LiveState, msg: CompactDelta): ApplyResult {
  if (state.seq === null || msg.seq <= state.seq || msg.from !== state.seq) return applyDelta(state, { ...msg, type: "delta", cells: [] });
  const cells = decodeCells(msg, { fonds: state.fonds, kinds: state.kinds, stations: state.stations });
  // Encoded against lists this copy does not hold: start again from what the server has.
  if (cells === null) return { state, resyncFrom: state.seq };
  return applyDelta(state, { ...msg, type: "delta", cells });
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
