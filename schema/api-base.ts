// What every request schema of the API is built from (schema/api.ts gathers them all): limits, the one
// text and day schemas, amounts that fit their kind, the path parameters every route has, the error shape.
import { z } from "@hono/zod-openapi";
import { kindDecimals, toBaseUnits, type WorkKindKey } from "./kinds";

export const MAX_EVENTS_PER_BATCH = 500;
/** Generous for 500 events; larger bodies are refused before parsing (413). */
export const MAX_COUNTER_BODY_BYTES = 256 * 1024;
/** Counters from the future beyond clock skew are refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/**
 * How many days a project keeps an accepted event id, and so how old a counter may be: an event whose day
 * (of `at`, in the project's time zone) is more than this many days before today is refused, and ids of
 * older days are pruned (worker/live/retention.ts). A retry is thus either found by its stored id or
 * refused, never counted twice. 90 days: a scan PC's outbox may sit offline a long time with work in it
 * (offices close one to two weeks over Tết, a PC may stay off after it, or wait for a technician at a
 * district archive), and the window must outlast the longest such wait with a wide margin. A longer one
 * costs storage in the project's Durable Object: what a window keeps at a given rate is in BENCHMARKS.md
 * ("Growth").
 */
export const EVENT_RETENTION_DAYS = 90;
export const MAX_DELTA = 1_000_000;
/** Any API body: a pasted plan table (≤ 1 MB of text) with its JSON envelope. */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

/** A lone surrogate (ill-formed UTF-16, e.g. JSON "\\ud800") cannot be stored or sent on as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Every text field and free-text path parameter of the API. Refuses ill-formed UTF-16 and normalises to
 * NFC, so "Lộc" typed as composed or decomposed characters is one fonds code, one event id, one name
 * (the plan import normalises the same way, schema/plan/import.ts). Length limits chained after it
 * count the normalised text. */
export function text() {
  return z
    .string()
    .refine((s) => !LONE_SURROGATE.test(s), { message: "văn bản Unicode không hợp lệ (ill-formed UTF-16: lone surrogate)", abort: true })
    .normalize("NFC");
}

/** Calendar days the API accepts. A date input gives year 0026 when someone types "26"; such a day
 * would reach the calendar arithmetic of reports and alerts (schema/calendar.ts) and fail there. */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "2100-12-31";
export const inDayRange = (d: string) => d >= FIRST_DAY && d <= LAST_DAY;
export const dayRangeMessage = `ngày từ ${FIRST_DAY} đến ${LAST_DAY} (a day between ${FIRST_DAY} and ${LAST_DAY})`;

/** Every date field of the API: yyyy-mm-dd, a real calendar day, within FIRST_DAY..LAST_DAY. */
export const day = z.iso
  .date()
  .refine(inDayRange, { message: dayRangeMessage })
  .openapi({ description: `A calendar day, yyyy-mm-dd, from ${FIRST_DAY} to ${LAST_DAY}`, example: "2026-11-22" });

/** Counted kinds are whole numbers, metres at most 2 decimals (schema/kinds.ts): checked at the edge so
 * the error names the field (and, in a list, its index) instead of the amount being rounded. */
export function amountFitsKind<T extends { kind: WorkKindKey | null }>(field: keyof T & string) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    if (value.kind === null) return;
    const decimals = kindDecimals(value.kind) ?? 0;
    if (toBaseUnits(value[field] as number, decimals) !== undefined) return;
    ctx.addIssue({
      code: "custom",
      path: [field],
      message: decimals === 0 ? "phải là số nguyên với loại này (must be a whole number for this kind)" : `tối đa ${decimals} chữ số thập phân (at most ${decimals} decimals)`,
    });
  };
}

export const fondsCode = text().min(1).max(64);

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export const ProjectIdParam = z.object({
  projectId: text()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: "projectId", in: "path" }, example: "hatinh-2026" }),
});

export const ProvinceIdParam = z.object({
  provinceId: text()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: "provinceId", in: "path" }, example: "ha-tinh" }),
});

/** An update must change something: an empty object is refused rather than written as a no-op. */
export const someField = (o: object) => Object.values(o).some((v) => v !== undefined);
export const noFieldMessage = { message: "cần ít nhất một trường (at least one field)" };

export const email = text().max(200).toLowerCase().pipe(z.email());
