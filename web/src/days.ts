// Days as officials type and read them, dd/mm/yyyy whatever the browser's locale (a native date input
// shows the browser's format: 11/30/2026 on a Vietnamese page), and the API's yyyy-mm-dd. Pure; the one
// field that uses it is components/DayField.tsx.

import { parseDay } from "../../schema/days";

export { parseDay };

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
