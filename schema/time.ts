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
