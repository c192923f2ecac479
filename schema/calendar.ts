// The working-day calendar that plan curves run on: Monday–Friday, minus public holidays, plus
// any Saturdays a project declares as working days. Days are "yyyy-mm-dd" calendar days as a clock in
// Asia/Ho_Chi_Minh shows them (schema/time.ts dayInZone); the arithmetic here runs on UTC day numbers of the
// date parts only, so no host time zone or daylight saving can shift a day.
import { VN_MAKEUP_SATURDAYS, VN_PUBLIC_HOLIDAYS } from "./holidays";

export interface WorkCalendar {
  /** Public holidays and official compensatory days off (nghỉ bù); a holiday always wins over a working Saturday. */
  holidays: readonly string[];
  /** Saturdays worked as normal days (e.g. make-up days, làm bù); other Saturdays and every Sunday are off. */
  workingSaturdays: readonly string[];
  /** Extra non-working weekdays beyond holidays, e.g. a local compensatory day off or a centre closure. */
  daysOff?: readonly string[];
}

/** Vietnamese public holidays; no working Saturdays (see VN_MAKEUP_SATURDAYS in ./holidays to opt in). */
export const DEFAULT_CALENDAR: WorkCalendar = { holidays: VN_PUBLIC_HOLIDAYS, workingSaturdays: [] };

/** A project's working calendar: the public holidays and the official make-up Saturdays (the weekdays swapped
 * for them are in the holidays), plus the project's own days (PUT /projects/:id/calendar). The alert engine,
 * the reports and, through the live feed, the dashboard all run on this one. */
export function projectCalendar(own: { holidays: readonly string[]; workingSaturdays: readonly string[] } | null | undefined): WorkCalendar {
  const base = { holidays: VN_PUBLIC_HOLIDAYS, workingSaturdays: VN_MAKEUP_SATURDAYS };
  if (!own) return base;
  return { holidays: [...base.holidays, ...own.holidays], workingSaturdays: [...base.workingSaturdays, ...own.workingSaturdays] };
}

/**
 * The calendar's days from `from` to the end of the year after `to`, sorted and distinct: what the live feed
 * sends. Plan curves and rates never look before the period's start; the extra year keeps a late forecast
 * skipping Tết. Days outside are plain Monday–Friday weeks, which is what a missing entry means anyway.
 */
export function calendarWithin(cal: WorkCalendar, from: string, to: string): { holidays: string[]; workingSaturdays: string[] } {
  const last = `${Number(to.slice(0, 4)) + 1}-12-31`;
  const pick = (days: readonly string[]) => [...new Set(days)].filter((d) => d >= from && d <= last).sort();
  return { holidays: pick([...cal.holidays, ...(cal.daysOff ?? [])]), workingSaturdays: pick(cal.workingSaturdays) };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Days since 1970-01-01.
function dayNumber(day: string): number {
  const n = toDayNumber(day);
  if (n === undefined) throw new RangeError(`not a calendar day (yyyy-mm-dd): ${JSON.stringify(day)}`);
  return n;
}

function dayFromNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function toDayNumber(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 02-30 over to 03-02 and maps years 0–99 to 1900s; the round trip catches both.
  if (dayFromNumber(ms / MS_PER_DAY) !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function addDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be a whole number of days, got ${n}`);
  return dayFromNumber(dayNumber(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return weekdayOf(dayNumber(day));
}

function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

// The lists compiled once per calendar object into sorted day numbers: `off` holds only weekdays (a holiday on a
// Sunday changes nothing; its compensatory day is listed on its own), `saturdays` only working Saturdays that are
// not also off, so the counts below can add and subtract them without double counting.
interface Compiled {
  off: number[];
  saturdays: number[];
  offSet: Set<number>;
  saturdaySet: Set<number>;
  last: number; // the last listed day; after it the week is plain Monday–Friday
}
const compiled = new WeakMap<WorkCalendar, Compiled>();

function compile(cal: WorkCalendar): Compiled {
  let c = compiled.get(cal);
  if (c) return c;
  const allOff = new Set([...cal.holidays, ...(cal.daysOff ?? [])].map(dayNumber));
  const off = [...allOff].filter((n) => weekdayOf(n) >= 1 && weekdayOf(n) <= 5).sort((a, b) => a - b);
  const saturdays = [...new Set(cal.workingSaturdays.map(dayNumber))]
    .filter((n) => weekdayOf(n) === 6 && !allOff.has(n))
    .sort((a, b) => a - b);
  c = {
    off,
    saturdays,
    offSet: new Set(off),
    saturdaySet: new Set(saturdays),
    last: Math.max(off.at(-1) ?? -Infinity, saturdays.at(-1) ?? -Infinity),
  };
  compiled.set(cal, c);
  return c;
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  return isWorkingDayNumber(dayNumber(day), compile(cal));
}

function isWorkingDayNumber(n: number, c: Compiled): boolean {
  const w = weekdayOf(n);
  if (w === 6) return c.saturdaySet.has(n);
  return w !== 0 && !c.offSet.has(n);
}

/** Working days in [from, to], both ends included; 0 if to < from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (b < a) return 0;
  const c = compile(cal);
  return weekdaysBefore(b + 1) - weekdaysBefore(a) - countIn(c.off, a, b) + countIn(c.saturdays, a, b);
}

// Monday–Friday days in [1970-01-05 (a Monday), n), negative before it; only differences are used.
function weekdaysBefore(n: number): number {
  const fromMonday = n - 4;
  const weeks = Math.floor(fromMonday / 7);
  return weeks * 5 + Math.min(fromMonday - weeks * 7, 5);
}

function countIn(sorted: readonly number[], from: number, to: number): number {
  return lowerBound(sorted, to + 1) - lowerBound(sorted, from);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The n-th working day on or after `from` (n ≥ 1): nthWorkingDayFrom(d, 1) is d itself when d is a working day. */
export function nthWorkingDayFrom(from: string, n: number, cal: WorkCalendar): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  const c = compile(cal);
  let day = dayNumber(from);
  let left = n;
  // Walk day by day through the listed holidays; past the last one every week has exactly five working days, so
  // a forecast years ahead (a slow rate) costs a few steps, not one per day.
  for (; day <= c.last; day++) {
    if (isWorkingDayNumber(day, c) && --left === 0) return dayFromNumber(day);
  }
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day++;
  left -= 1; // `day` is now the next working day
  day += Math.floor(left / 5) * 7;
  for (let r = left % 5; r > 0; r--) {
    day++;
    while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day++;
  }
  return dayFromNumber(day);
}

/** The n-th working day on or before `to`, counting backwards (n ≥ 1); the start of a "last n working days" window. */
export function nthWorkingDayBefore(to: string, n: number, cal: WorkCalendar): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  const c = compile(cal);
  let day = dayNumber(to);
  // Bounded: the lists are finite and every week outside them has five working days.
  for (let left = n; ; day--) {
    if (isWorkingDayNumber(day, c) && --left === 0) return dayFromNumber(day);
  }
}
