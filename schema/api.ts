// Request and response schemas of the HTTP API: they validate at the edge (worker/routes/*) and
// generate the OpenAPI document (/api/v1/openapi.json), so the two cannot drift.
import { z } from "@hono/zod-openapi";
import { kindDecimals, toBaseUnits, WORK_KIND_KEYS, type WorkKindKey } from "./kinds";

export const MAX_EVENTS_PER_BATCH = 500;
/** Generous for 500 events; larger bodies are refused before parsing (413). */
export const MAX_COUNTER_BODY_BYTES = 256 * 1024;
/** Counters from the future beyond clock skew are refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
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
const inDayRange = (d: string) => d >= FIRST_DAY && d <= LAST_DAY;
const dayRangeMessage = `ngày từ ${FIRST_DAY} đến ${LAST_DAY} (a day between ${FIRST_DAY} and ${LAST_DAY})`;

/** Every date field of the API: yyyy-mm-dd, a real calendar day, within FIRST_DAY..LAST_DAY. */
export const day = z.iso
  .date()
  .refine(inDayRange, { message: dayRangeMessage })
  .openapi({ description: `A calendar day, yyyy-mm-dd, from ${FIRST_DAY} to ${LAST_DAY}`, example: "2026-11-22" });

/** Counted kinds are whole numbers, metres at most 2 decimals (schema/kinds.ts): checked at the edge so
 * the error names the field (and, in a list, its index) instead of the amount being rounded. */
function amountFitsKind<T extends { kind: WorkKindKey | null }>(field: keyof T & string) {
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

const fondsCode = text().min(1).max(64);

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

export const CounterEventSchema = z
  .strictObject({
    id: text().min(1).max(64).openapi({ description: "Client-unique event id: the same id with the same content is counted once; with other content the batch is refused (409). Compared after Unicode NFC normalisation." }),
    fonds: fondsCode.openapi({ description: "Fonds (phông) code as imported with the plan (NFC-normalised)", example: "4" }),
    kind: z.enum(WORK_KIND_KEYS).openapi({ description: "A kind the project plans (some fonds has an approved or funded target for it); any other is refused (400, field `kind`)", example: "pages" }),
    delta: z
      .number()
      .positive()
      .max(MAX_DELTA)
      .openapi({ description: "Amount done: a whole number for counted kinds (files, documents, pages, sheets), at most 2 decimals for metres; anything else is refused, never rounded", example: 123 }),
    at: z.iso
      .datetime({ offset: true })
      .refine((at) => inDayRange(at.slice(0, 10)) && !Number.isNaN(Date.parse(at)), { message: dayRangeMessage })
      .optional()
      .openapi({ description: `When the work was done (ISO 8601 with offset, ${FIRST_DAY.slice(0, 4)}–${LAST_DAY.slice(0, 4)}); server time when absent`, example: "2026-11-22T09:15:00+07:00" }),
  })
  .superRefine(amountFitsKind("delta"))
  .openapi("CounterEvent");

export const CounterBatchSchema = z
  .strictObject({
    events: z.array(CounterEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .openapi("CounterBatch");

export const CounterResultSchema = z
  .object({
    accepted: z.int().openapi({ description: "Events counted by this request" }),
    duplicates: z.int().openapi({ description: "Events whose id this project had already accepted with the same content, or repeated in this batch: not counted again" }),
    seq: z.int().openapi({ description: "The project's sequence number after this batch" }),
  })
  .openapi("CounterResult");

export type CounterEventInput = z.infer<typeof CounterEventSchema>;
export type CounterResult = z.infer<typeof CounterResultSchema>;

const slug = text().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "chữ thường, số và '-' (lowercase letters, digits, '-')");

export const ProvinceCreateSchema = z.strictObject({ id: slug, name: text().trim().min(1).max(200) });

export const ProjectCreateSchema = z
  .strictObject({
    id: slug,
    name: text().trim().min(1).max(300),
    legalBasis: text().trim().max(300).default(""),
    periodStart: day,
    periodEnd: day,
    timeZone: z.literal("Asia/Ho_Chi_Minh").default("Asia/Ho_Chi_Minh"),
  })
  .refine((p) => p.periodStart <= p.periodEnd, { message: "periodStart must not be after periodEnd", path: ["periodEnd"] });

export const PlanImportSchema = z.strictObject({
  table: text().min(1).max(1_000_000),
  target: z.enum(["approved", "funded", "both"]).default("both"),
  format: z.enum(["vi", "en"]).default("vi"),
});

export const StationCreateSchema = z.strictObject({ name: text().trim().min(1).max(100) });

/** Station ids are short (they travel in every live delta cell); older ones are UUIDs. */
export const StationId = text().regex(/^[a-z0-9][a-z0-9-]{7,35}$/);
export const StationParams = z.object({ projectId: ProjectIdParam.shape.projectId, stationId: StationId });

export const FondsParams = z.object({ projectId: ProjectIdParam.shape.projectId, fondsCode });

/** An update must change something: an empty object is refused rather than written as a no-op. */
const someField = (o: object) => Object.values(o).some((v) => v !== undefined);
const noFieldMessage = { message: "cần ít nhất một trường (at least one field)" };

export const FondsUpdateSchema = z
  .strictObject({
    restricted: z.boolean().optional(),
    agency: text().trim().max(300).optional(),
  })
  .refine(someField, noFieldMessage);

const email = text().max(200).toLowerCase().pipe(z.email());

/** Passwords are NFC-normalised too, at sign-up and sign-in alike, so the same password typed on another
 * keyboard (composed or decomposed Vietnamese letters) still matches. */
export const LoginSchema = z.strictObject({ email, password: text().min(1).max(200) });

export const UserCreateSchema = z.strictObject({
  email,
  name: text().trim().min(1).max(120),
  password: text().min(10, "ít nhất 10 ký tự (at least 10 characters)").max(200),
});

export const MemberGrantSchema = z.strictObject({ email, role: z.enum(["admin", "supervisor", "leader"]) });

export const MemberParams = z.object({ provinceId: ProvinceIdParam.shape.provinceId, userId: text().min(1).max(64) });

/** Paging (`before` an entry id) and filters: `who` is part of the actor's name or email, `action` an
 * action or its group ("display" matches display.create and display.revoke), `from`/`to` days in Viet
 * Nam's time (worker/routes/audit.ts). */
export const AuditQuery = z
  .strictObject({
    before: z.coerce.number().int().positive().optional(),
    who: text().trim().min(1).max(200).optional(),
    action: text().regex(/^[a-z][a-z0-9_.-]{0,63}$/).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "'from' sau 'to' ('from' is after 'to')", path: ["to"] });

export const RuleParams = z.object({ projectId: ProjectIdParam.shape.projectId, ruleId: z.uuid() });
export const ContactPointParams = z.object({ projectId: ProjectIdParam.shape.projectId, contactPointId: z.uuid() });

export const AlertRuleSchema = z
  .strictObject({
    type: z.enum(["behind_schedule", "under_plan", "silent_station"]),
    fonds: fondsCode.nullable().default(null),
    kind: z.enum(WORK_KIND_KEYS).nullable().default(null),
    station: StationId.nullable().default(null),
    /** behind/under plan: tolerance 0–0.9; silent station: minutes of working time. */
    threshold: z.number().min(0).max(10_000),
    pendingMinutes: z.int().min(0).max(7 * 24 * 60).default(0),
    /** Stays firing this long after the condition clears (against flapping). */
    keepFiringMinutes: z.int().min(0).max(7 * 24 * 60).default(0),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.type === "silent_station" || r.threshold <= 0.9, { message: "tolerance is a fraction ≤ 0.9", path: ["threshold"] })
  .refine((r) => r.type !== "silent_station" || r.threshold >= 1, { message: "minutes ≥ 1", path: ["threshold"] });

export const AlertRulePatchSchema = z
  .strictObject({
    threshold: z.number().min(0).max(10_000).optional(),
    pendingMinutes: z.int().min(0).max(7 * 24 * 60).optional(),
    keepFiringMinutes: z.int().min(0).max(7 * 24 * 60).optional(),
    enabled: z.boolean().optional(),
  })
  .refine(someField, noFieldMessage);

const httpUrl = text().max(500).pipe(z.url({ protocol: /^https?$/ }));

/**
 * A contact point by type: a webhook's URL, an e-mail address, or Telegram/Zalo with their credentials
 * (the URL then optional: the public API unless a relay). Timing as Alertmanager's, in seconds.
 */
export const ContactPointSchema = z
  .strictObject({
    name: text().trim().min(1).max(100),
    type: z.enum(["webhook", "email", "telegram", "zalo"]).default("webhook"),
    url: text().trim().max(500).default(""),
    settings: z.partialRecord(z.enum(["botToken", "chatId", "accessToken", "userId"]), text().trim().max(300)).default({}),
    groupWaitSeconds: z.int().min(0).max(3600).default(30),
    groupIntervalSeconds: z.int().min(10).max(24 * 3600).default(300),
    repeatIntervalSeconds: z.int().min(60).max(7 * 24 * 3600).default(4 * 3600),
    muteOutsideWorkingTime: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (c.type === "email" && !z.email().safeParse(c.url).success) bad("url", "địa chỉ e-mail không hợp lệ (invalid e-mail address)");
    if ((c.type === "webhook" || c.url !== "") && c.type !== "email" && !httpUrl.safeParse(c.url).success) bad("url", "địa chỉ https://… không hợp lệ (invalid URL)");
    if (c.type === "telegram" && (!c.settings.botToken || !c.settings.chatId)) bad("settings", "Telegram cần botToken và chatId (botToken and chatId required)");
    if (c.type === "zalo" && (!c.settings.accessToken || !c.settings.userId)) bad("settings", "Zalo OA cần accessToken và userId (accessToken and userId required)");
  });

const AlertRef = z.strictObject({ ruleId: z.uuid(), scope: text().min(1).max(200) });

/**
 * One alert (`ruleId` + `scope`) or a whole group (`alerts`, up to 500): all or nothing, so a bulk
 * acknowledgement never half-applies.
 */
const AlertTargets = {
  ruleId: z.uuid().optional(),
  scope: text().min(1).max(200).optional(),
  alerts: z.array(AlertRef).min(1).max(500).optional(),
  comment: text().trim().max(1000).default(""),
};
const oneWay = (a: { ruleId?: string; scope?: string; alerts?: unknown[] }) => (a.alerts !== undefined) !== (a.ruleId !== undefined && a.scope !== undefined);
const oneWayMessage = { message: "ruleId và scope, hoặc alerts (ruleId and scope, or alerts)", path: ["alerts"] };

export const AlertActionSchema = z.strictObject(AlertTargets).refine(oneWay, oneWayMessage);

export const SilenceSchema = z.strictObject({ ...AlertTargets, minutes: z.int().min(1).max(30 * 24 * 60) }).refine(oneWay, oneWayMessage);

export const AlertHistoryQuery = z.strictObject({
  ruleId: z.uuid().optional(),
  scope: text().min(1).max(200).optional(),
  state: z.enum(["pending", "firing", "resolved", "normal", "nodata"]).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
});

export const CalendarSchema = z
  .strictObject({
    holidays: z.array(day).max(400).default([]),
    workingSaturdays: z.array(day).max(200).default([]),
    dayStart: text().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("07:30"),
    dayEnd: text().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("17:00"),
  })
  .refine((c) => c.dayStart < c.dayEnd, { message: "dayStart must be before dayEnd", path: ["dayEnd"] });

export const PeriodTargetsSchema = z.strictObject({
  rows: z
    .array(
      z
        .strictObject({ fonds: fondsCode, kind: z.enum(WORK_KIND_KEYS), from: day, to: day, amount: z.number().min(0).max(1e9) })
        .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] })
        .superRefine(amountFitsKind("amount")),
    )
    .min(1)
    .max(2000),
});

export const PlanMoveSchema = z
  .strictObject({
    kind: z.enum(WORK_KIND_KEYS),
    from: fondsCode,
    to: fondsCode,
    amount: z.number().positive().max(1e9),
    reason: text().trim().min(3).max(1000),
  })
  .refine((m) => m.from !== m.to, { message: "from and to must differ", path: ["to"] })
  .superRefine(amountFitsKind("amount"));

export const ReportParams = z.object({ projectId: ProjectIdParam.shape.projectId, reportId: z.uuid() });
export const ReportQuery = z.strictObject({ locale: z.enum(["vi", "en"]).default("vi") });
export const AdhocReportSchema = z
  .strictObject({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] });
/** A report of the reporting calendar, asked for by the day it is due (a new version if it exists). */
export const DueReportSchema = z.strictObject({ type: z.enum(["weekly", "monthly", "inspection"]), due: day });
export const ReportRequestSchema = z.union([AdhocReportSchema, DueReportSchema]);
const NotesText = () => text().trim().max(10_000);
const NotesReasons = () =>
  z.record(text().min(1).max(200), text().trim().max(2000)).refine((r) => Object.keys(r).length <= 2000, { message: "at most 2000 reasons" });

/** A save of the centre's notes (schema/reports/notes-merge.ts): only the fields present change, only
 * the reasons listed ("code/kind" → words). `base` is what the editor started from: the notes'
 * `updatedAt` (null: there were none) and the changed fields as they were then; without it the save
 * lands only on fields nobody has written. */
export const ReportNotesSchema = z.strictObject({
  difficulties: NotesText().optional(),
  proposals: NotesText().optional(),
  reasons: NotesReasons().optional(),
  base: z
    .strictObject({
      updatedAt: z.number().int().nullable(),
      difficulties: text().max(10_000).optional(),
      proposals: text().max(10_000).optional(),
      reasons: z.record(text().min(1).max(200), text().max(2000)).optional(),
    })
    .optional(),
});

/** How a project's reports are issued as official documents (schema/reports/document-settings.ts).
 * Every field is required: a save replaces the whole block, as the form shows it. */
export const DocumentSettingsSchema = z.strictObject({
  parentBody: text().trim().min(1).max(200),
  issuingBody: text().trim().min(1).max(200),
  place: text().trim().min(1).max(100),
  recipient: text().trim().min(1).max(300),
  distribution: z.array(text().trim().min(1).max(300)).max(20),
  signerPosition: text().trim().min(1).max(300),
  signerName: text().trim().max(100),
  numberSuffix: text().trim().min(1).max(50),
});

export const CorrectionSchema = z
  .strictObject({
    fonds: fondsCode,
    kind: z.enum(WORK_KIND_KEYS),
    /** Signed: a correction may take counted volume back. */
    delta: z.number().refine((d) => d !== 0, "must not be zero").refine((d) => Math.abs(d) <= MAX_DELTA, "too large"),
    reason: text().trim().min(3).max(1000),
  })
  .superRefine(amountFitsKind("delta"));

export const VerificationSchema = z.strictObject({
  inspectionDay: day,
  rows: z
    .array(
      z
        .strictObject({ fonds: fondsCode, kind: z.enum(WORK_KIND_KEYS), verified: z.number().min(0).max(1e9), note: text().trim().max(1000).default("") })
        .superRefine(amountFitsKind("verified")),
    )
    .min(1)
    .max(2000),
});

export const AcceptanceSchema = z
  .strictObject({
    fonds: fondsCode,
    kind: z.enum(WORK_KIND_KEYS),
    amount: z.number().positive().max(1e9),
    minuteNumber: text().trim().min(1).max(100),
    minuteDate: day,
    /** Accepting more than the software counted needs a reason, kept with the acceptance and in the audit log. */
    override: z.strictObject({ reason: text().trim().min(10).max(1000) }).optional(),
  })
  .superRefine(amountFitsKind("amount"));

/** The day whose counted figures an inspection sheet shows beside the verified ones. */
export const CountedQuery = z.strictObject({ day });

// Accounts: one's own password, and an administrator's hold on other users (worker/routes/account.ts, users.ts).
export const PasswordChangeSchema = z.strictObject({
  currentPassword: text().min(1).max(200),
  newPassword: UserCreateSchema.shape.password,
});

export const UserIdParam = z.object({ userId: MemberParams.shape.userId });

export const ProjectMemberParams = z.object({ projectId: ProjectIdParam.shape.projectId, userId: MemberParams.shape.userId });

// Setting a province up from the dashboard (worker/routes/people.ts, stations.ts, projects.ts).
export const StationRenameSchema = StationCreateSchema;

/** A province admin opens an account for one of the province's people and gives it a role there, in one
 * call: the account never exists without the role that makes it the province's to manage. */
export const ProvinceUserCreateSchema = z.strictObject({
  email,
  name: UserCreateSchema.shape.name,
  role: MemberGrantSchema.shape.role,
});
