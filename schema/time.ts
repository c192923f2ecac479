// Calendar days in a project's time zone (Asia/Ho_Chi_Minh: UTC+7, no daylight saving).
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
