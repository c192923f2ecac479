// The live feed's messages, shared by the worker (worker/live/room.ts) and the dashboard (web/src/live).
// Every send site on both sides uses `satisfies ServerMessage` / `satisfies ClientMessage`.
// Amounts are integers in the kind's smallest unit (schema/kinds.ts).
import type { PeriodTarget } from "./progress";

export interface KindInfo {
  key: string;
  decimals: number;
  unit: string;
}

export interface FondsPlan {
  code: string;
  name: string;
  agency: string;
  restricted: boolean;
  /** kind → planned amount */
  approved: Record<string, number>;
  funded: Record<string, number>;
  /** kind → the detailed weekly/monthly plan (kế hoạch chi tiết); a kind not here is planned linearly. */
  periods?: Record<string, PeriodTarget[]>;
}

/**
 * The project's working calendar as the server computes it (schema/calendar.ts projectCalendar): public
 * holidays, make-up Saturdays and the project's own days, only those from the period's start on
 * (calendarWithin). Sent once per snapshot and plan message, so figures on every screen use the
 * alerts' calendar.
 */
export interface WireCalendar {
  holidays: string[];
  workingSaturdays: string[];
}

/** What a fonds must deliver: the funded volume when set (seed 001: funding can be below plan), else the approved plan. */
export function targetOf(f: FondsPlan, kind: string): number {
  return f.funded[kind] || f.approved[kind] || 0;
}

export interface StationInfo {
  id: string;
  name: string;
}

export interface ProjectInfo {
  id: string;
  provinceId: string;
  name: string;
  legalBasis: string;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  /** Epoch ms when the project was archived (read-only, still reported); absent or null while it runs. */
  archivedAt?: number | null;
}

/** One cell of the live totals: fonds × kind × station × day, and the amount added to (or set for) it. */
export interface Cell {
  fonds: string;
  kind: string;
  station: string;
  day: string;
  amount: number;
}

export interface FondsTotal {
  fonds: string;
  kind: string;
  amount: number;
}

export interface StationDayTotal {
  station: string;
  kind: string;
  day: string;
  amount: number;
}

export interface DayTotal {
  kind: string;
  day: string;
  amount: number;
}

export const STATION_DAYS_IN_SNAPSHOT = 62;

export interface Viewer {
  id: string;
  name: string;
  role: string;
  /** The report this viewer has open, as its page said (ClientMessage "viewing"); absent elsewhere. */
  reportId?: string;
}

export interface Snapshot {
  type: "snapshot";
  /** Everything up to and including this seq is in the totals. */
  seq: number;
  project: ProjectInfo;
  kinds: KindInfo[];
  fonds: FondsPlan[];
  stations: StationInfo[];
  calendar: WireCalendar;
  /** Absolute totals per fonds × kind, all time. */
  totals: FondsTotal[];
  /** Absolute totals per station × kind × day, for the last STATION_DAYS_IN_SNAPSHOT days. */
  stationDays: StationDayTotal[];
  /** Absolute project totals per kind × day, all time (burn-up charts). */
  days: DayTotal[];
  /** Epoch ms of the last accepted counter, or null. */
  lastActivityAt: number | null;
  /** When each station last posted (any post, duplicates too) and what posted it. */
  stationsSeen: StationSeen[];
  at: number;
}

export interface StationSeen {
  station: string;
  lastPostAt: number;
  /** "agent/<version>", "manual" (the entry page) or "api" (schema/station-client.ts); null before it was recorded. */
  client: string | null;
}

export interface Delta {
  type: "delta";
  /** The seq the receiver must hold for this delta to apply; the previous delta's `seq`. */
  from: number;
  seq: number;
  /** Amounts to add, coalesced per cell over (from, seq]. */
  cells: Cell[];
  lastActivityAt: number | null;
  at: number;
}

/**
 * A delta in the compact encoding, for watchers that ask for it (`/live?frames=compact`; the dashboard
 * does): a JSON cell of ~80 bytes becomes a tuple of ~12, and the runtime compresses (or not) a fraction
 * of the bytes for each socket. Fonds, kind and station are indices into the lists the receiver holds for
 * this feed (its snapshot's or latest `plan` message's `fonds`, the snapshot's `kinds`, `stations`), or
 * the code itself when it is in none of them (corrections count under a station of their own). The day
 * travels once; a cell on another day carries it as a fifth element. schema/compact-frame.ts encodes
 * and decodes it; the decoded cells are exactly those of the `delta` it stands for.
 */
export interface CompactDelta {
  type: "cdelta";
  from: number;
  seq: number;
  day: string;
  cells: CompactCell[];
  lastActivityAt: number | null;
  at: number;
}

export type CompactCell = [fonds: number | string, kind: number | string, station: number | string, amount: number, day?: string];

/** Which encoding a watcher receives deltas in (the `frames` query parameter of `/live`). */
export type FrameEncoding = "json" | "compact";

export interface Presence {
  type: "presence";
  viewers: Viewer[];
}

/** The plan, the calendar or the station list changed (the fonds carry their period targets). */
export interface PlanChanged {
  type: "plan";
  /** The project's details as they now are (renamed, period moved, archived); absent from older workers. */
  project?: ProjectInfo;
  fonds: FondsPlan[];
  stations: StationInfo[];
  calendar: WireCalendar;
}

/** One alert instance that is not normal (worker/alerts): pending, firing, resolved or nodata. */
export interface AlertView {
  ruleId: string;
  ruleType: "behind_schedule" | "under_plan" | "silent_station";
  /** "project/pages", "fonds/4/pages", "station/<id>", "project/*" (no data yet): schema/alert-scope.ts */
  scope: string;
  state: "pending" | "firing" | "resolved" | "normal" | "nodata";
  since: number;
  values: Record<string, number | string | null>;
  ack: { by: string; comment: string; at: number } | null;
  /** Who silenced it, why, and until when; notifications are not sent meanwhile. */
  silence: { by: string; comment: string; at: number; until: number } | null;
  /** Firing held by the rule's keep-firing-for: when the condition cleared (null while it holds). */
  clearedAt: number | null;
  /** The rule's keep-firing-for, so the dashboard can say until when. */
  keepFiringMinutes: number;
}

/** The project's current alerts, whole, on connect and whenever one changes. */
export interface Alerts {
  type: "alerts";
  alerts: AlertView[];
}

/**
 * Someone saved the centre's notes of a report period (worker/routes/reports.ts, after the D1 write):
 * pages showing any version of that period's report apply them or offer to. Reasons of fonds the
 * watcher may not see are not in it, nor is the news that they changed.
 */
export interface ReportNotesSaved {
  type: "report-notes";
  period: { type: string; from: string; to: string };
  /** The notes as saved; absent when too large to travel: the page fetches the report. */
  notes?: { difficulties: string; proposals: string; reasons: Record<string, string>; updatedBy: string; updatedAt: number };
  /** The fields the save changed: "difficulties", "proposals", "reasons/<code>/<kind>". */
  changed: string[];
  updatedBy: string;
  updatedAt: number;
}

export type ServerMessage = Snapshot | Delta | CompactDelta | Presence | PlanChanged | Alerts | ReportNotesSaved;

/** "viewing": the page now shows this report (null: none), so presence can say who drafts it with whom. */
export type ClientMessage = { type: "ping" } | { type: "resync"; since: number } | { type: "viewing"; reportId: string | null };

/** Answered by the runtime without waking the object (setWebSocketAutoResponse). */
export const PING = JSON.stringify({ type: "ping" } satisfies ClientMessage);
export const PONG = JSON.stringify({ type: "pong" });

/** Close codes the server uses on the live feed: the session is gone (signed out, disabled), so do not
 * come back with it; or the watcher's rights changed, so come back at once for what they now allow. */
export const CLOSE_SESSION_ENDED = { code: 4001, reason: "session ended" } as const;
export const CLOSE_ACCESS_CHANGED = { code: 4003, reason: "access changed" } as const;
