// Days as officials type and read them, dd/mm/yyyy whatever the browser's locale (a native date input
// shows the browser's format: 11/30/2026 on a Vietnamese page), and the API's yyyy-mm-dd. Pure; the one
// field that uses it is components/DayField.tsx.

/** The API's day range (schema/api.ts FIRST_DAY..LAST_DAY): "01/01/26" is not the year 26. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function isoOf(y: number, mo: number, d: number): string | null {
  if (y < FIRST_YEAR || y > LAST_YEAR) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "1/2/2025", "01/02/2025", "01.02.2025", "01-02-2025", and "2025-02-01" pasted from a file or the API,
 * → "2025-02-01"; null unless a real calendar day in the API's range. Day first, always: never m/d/y. */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return m ? isoOf(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** "2025-02-01" → "01/02/2025". */
export function showDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** A list of days, one per line or separated by commas / semicolons; the first unreadable entry is named. */
export function parseDayList(text: string): { ok: true; days: string[] } | { ok: false; bad: string } {
  const days: string[] = [];
  for (const part of text.split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean)) {
    const day = parseDay(part);
    if (!day) return { ok: false, bad: part };
    if (!days.includes(day)) days.push(day);
  }
  return { ok: true, days: days.sort() };
}
