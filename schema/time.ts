// Calendar days in a project's time zone, and that zone.

/** The one zone a project runs on: the API accepts no other (schema/api-admin.ts). */
export const PROJECT_TIME_ZONE = "Asia/Ho_Chi_Minh" as const;
/** Its offset from UTC, the same all year (Viet Nam has no daylight saving), as ISO 8601 writes it. */
export const PROJECT_UTC_OFFSET = "+07:00";
const OFFSET_MS = Date.parse("2000-01-01T00:00:00Z") - Date.parse(`2000-01-01T00:00:00${PROJECT_UTC_OFFSET}`);

/** Epoch ms of 00:00 on `day` ("yyyy-mm-dd") on a project's clock. */
export function projectDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00${PROJECT_UTC_OFFSET}`);
}

/** Epoch ms → "2026-11-22T09:15:00+07:00" on a project's clock (what POST /counters takes for `at`). */
export function projectIsoTime(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}${PROJECT_UTC_OFFSET}`;
}
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Epoch ms → "yyyy-mm-dd" as a clock in `timeZone` shows it. */
export function dayInZone(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(ms);
}

/** "2026-11-22" → "22/11/2026", the date format Vietnamese documents use. */
export function formatDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}
