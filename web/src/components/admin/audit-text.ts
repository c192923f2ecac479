// An audit entry's before → after in a line or two for the audit page (views/admin/AuditView.tsx). Pure.

const MAX_VALUE = 60;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "–";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields that changed, "field: before → after"; a created thing lists what it was created with, a
 * removed one what it had. Unchanged fields are left out, so a rename reads as one line. */
export function changeLines(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return [`${shown(before)} → ${shown(after)}`];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines: string[] = [];
  for (const key of keys) {
    const x = JSON.stringify(b[key]);
    const y = JSON.stringify(a[key]);
    if (x === y) continue;
    if (!isRecord(before)) lines.push(`${key}: ${shown(a[key])}`);
    else if (!isRecord(after)) lines.push(`${key}: ${shown(b[key])} → –`);
    else lines.push(`${key}: ${shown(b[key])} → ${shown(a[key])}`);
  }
  return lines;
}

/** "Nguyễn Văn A <a@so-noi-vu.vn>" → "Nguyễn Văn A": the page shows the name, the email in its title. */
export function actorShort(actorName: string): string {
  return actorName.replace(/\s*<[^>]*>\s*$/, "") || actorName;
}
