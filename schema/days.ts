// Days as officials type them, dd/mm/yyyy whatever the browser's locale, → the API's yyyy-mm-dd. Pure; the
// dashboard's day fields (web/src/days.ts) and pasted tables (schema/plan/periods.ts) read days here.

/** The API's day range (schema/api-base.ts): "01/01/26" is not the year 26. */
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
