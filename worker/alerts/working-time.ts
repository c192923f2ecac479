// Minutes of working time between two instants: working days of the project's calendar, between its
// local day start and end. A station that is silent over a weekend or a night is not "silent". Pure.
import { addDays, isWorkingDay, type WorkCalendar } from "../../schema/calendar";
import { dayInZone } from "../../schema/time";

export interface WorkingHours {
  dayStart: string; // "07:30", local
  dayEnd: string; // "17:00"
}

/** The working day when a project has not set its own (07:30–17:00, a provincial office's hours). */
export const DEFAULT_HOURS: WorkingHours = { dayStart: "07:30", dayEnd: "17:00" };

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Epoch ms of a local wall-clock time on `day`, for a zone with a fixed offset (Asia/Ho_Chi_Minh: +07:00). */
function localMs(day: string, minutes: number, offsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (minutes - offsetMinutes) * 60_000;
}

/** The zone's offset from UTC in minutes at `ms` (420 for Viet Nam). */
function offsetAt(ms: number, timeZone: string): number {
  const local = dayInZone(ms, timeZone);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
  const localMinutes = Date.parse(`${local}T${parts}:00Z`);
  return Math.round((localMinutes - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

export function workingMinutesBetween(fromMs: number, toMs: number, cal: WorkCalendar, hours: WorkingHours, timeZone: string): number {
  if (toMs <= fromMs) return 0;
  const offset = offsetAt(toMs, timeZone);
  const start = minutesOf(hours.dayStart);
  const end = minutesOf(hours.dayEnd);
  let total = 0;
  const last = dayInZone(toMs, timeZone);
  for (let day = dayInZone(fromMs, timeZone); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day, cal)) continue;
    const open = Math.max(fromMs, localMs(day, start, offset));
    const close = Math.min(toMs, localMs(day, end, offset));
    if (close > open) total += (close - open) / 60_000;
  }
  return Math.floor(total);
}

/** Is `ms` inside working time? (Only then can a station become silent.) */
export function isWorkingTime(ms: number, cal: WorkCalendar, hours: WorkingHours, timeZone: string): boolean {
  return workingMinutesBetween(ms - 60_000, ms, cal, hours, timeZone) > 0;
}

/** Lunch break of Vietnamese public offices; a muted contact point holds messages through it too. */
export const LUNCH: WorkingHours = { dayStart: "11:30", dayEnd: "13:00" };

/**
 * The first instant at or after `ms` outside muted time, for a contact point muted outside working time:
 * nights, non-working days of the project calendar (weekends, holidays, Tết) and lunch. Messages due in
 * muted time are held until then, not dropped.
 */
export function unmutedFrom(ms: number, cal: WorkCalendar, hours: WorkingHours, timeZone: string): number {
  const offset = offsetAt(ms, timeZone);
  const start = minutesOf(hours.dayStart);
  const end = minutesOf(hours.dayEnd);
  const lunch = [minutesOf(LUNCH.dayStart), minutesOf(LUNCH.dayEnd)] as const;
  // A year of days is more than any run of holidays (Tết is about a week).
  for (let day = dayInZone(ms, timeZone), i = 0; i < 370; day = addDays(day, 1), i++) {
    if (!isWorkingDay(day, cal)) continue;
    const open = localMs(day, start, offset);
    const close = localMs(day, end, offset);
    if (ms >= close) continue;
    const at = Math.max(ms, open);
    const inLunch = at >= localMs(day, lunch[0], offset) && at < localMs(day, lunch[1], offset);
    return inLunch ? localMs(day, lunch[1], offset) : at;
  }
  return ms;
}
