// The API's one error shape ({ error: { code, message, details: [{ path, message }] } }, schema/errors.ts)
// turned into what a setup form shows: each field's error beside that field, the rest above the button,
// in the reader's language. Pure, tested in Node (test/unit/admin-forms.test.ts).
import type { Locale } from "../../i18n";

export interface FormErrors {
  /** field path ("email", "periodEnd", "holidays.3") → message */
  fields: Record<string, string>;
  /** what belongs to no field, or null */
  message: string | null;
}

/** The server writes "tiếng Việt (English)"; the reader gets their half. Other text is shown as is. */
export function localized(message: string, locale: Locale): string {
  const m = /^(.*\S)\s+\(([^()]*)\)$/s.exec(message.trim());
  if (!m) return message;
  return locale === "vi" ? (m[1] ?? message) : (m[2] ?? message);
}

interface Detail {
  path?: unknown;
  field?: unknown;
  message?: unknown;
}

/** `known`: the form's own fields; a detail for another path is shown with the form's message. */
export function formErrors(body: unknown, known: readonly string[], locale: Locale): FormErrors {
  const error = (body as { error?: { message?: unknown; details?: unknown } } | null)?.error;
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  const details = Array.isArray(error?.details) ? (error.details as Detail[]) : [];
  for (const d of details) {
    if (typeof d?.message !== "string") continue;
    const text = localized(d.message, locale);
    const path = typeof d.path === "string" ? d.path : "";
    // A list's item ("holidays.3") belongs to the list's field.
    const field = known.find((k) => path === k || path.startsWith(`${k}.`));
    if (field && !(field in fields)) fields[field] = text;
    else if (!field) loose.push(path ? `${path}: ${text}` : text);
  }
  const general = typeof error?.message === "string" ? localized(error.message, locale) : null;
  const message = loose.length > 0 ? [general, ...loose].filter(Boolean).join(" — ") : Object.keys(fields).length > 0 ? null : general;
  return { fields, message };
}

/** A plan-table error names its own line and column in Vietnamese (schema/plan/import.ts); the preview
 * shows the place in columns of its own, so only the rest is kept, in the reader's language. */
export function importErrorText(message: string, locale: Locale): string {
  return localized(message.replace(/^Dòng \d+(, cột \d+)?: /, ""), locale);
}

/** Where line `line` (1-based) starts and ends in `text`, to select it in the textarea. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}
