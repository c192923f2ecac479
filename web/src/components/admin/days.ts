// Days as officials type and read them, dd/mm/yyyy whatever the browser's locale (a native date picker
// shows the browser's format), and the API's yyyy-mm-dd. Pure.

/** "1/2/2025", "01/02/2025", "01.02.2025", "01-02-2025" → "2025-02-01"; null unless a real calendar day. */
export function parseDay(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
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

/** A project id from its name: lowercase ASCII letters, digits and '-', as the API's slug wants. */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
