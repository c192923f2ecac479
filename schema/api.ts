// Request and response schemas of the HTTP API: they validate at the edge (worker/routes/*) and
// generate the OpenAPI document (/api/v1/openapi.json), so the two cannot drift.
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "./kinds";

export const MAX_EVENTS_PER_BATCH = 500;
/** Generous for 500 events; larger bodies are refused before parsing (413). */
export const MAX_COUNTER_BODY_BYTES = 256 * 1024;
/** Counters from the future beyond clock skew are refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const MAX_DELTA = 1_000_000;
/** Any API body: a pasted plan table (≤ 1 MB of text) with its JSON envelope. */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

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
  projectId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: "projectId", in: "path" }, example: "hatinh-2026" }),
});

export const ProvinceIdParam = z.object({
  provinceId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .openapi({ param: { name: "provinceId", in: "path" }, example: "ha-tinh" }),
});

export const CounterEventSchema = z
  .strictObject({
    id: z.string().min(1).max(64).openapi({ description: "Client-unique event id; a repeated id is counted once." }),
    fonds: z.string().min(1).max(64).openapi({ description: "Fonds (phông) code as imported with the plan", example: "4" }),
    kind: z.enum(WORK_KIND_KEYS),
    delta: z
      .number()
      .positive()
      .max(MAX_DELTA)
      .openapi({ description: "Amount done: an integer for counted kinds, at most 2 decimals for metres", example: 123 }),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "When the work was done (ISO 8601 with offset); server time when absent", example: "2026-11-22T09:15:00+07:00" }),
  })
  .openapi("CounterEvent");

export const CounterBatchSchema = z
  .strictObject({
    events: z.array(CounterEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .openapi("CounterBatch");

export const CounterResultSchema = z
  .object({
    accepted: z.int().openapi({ description: "Events counted by this request" }),
    duplicates: z.int().openapi({ description: "Events whose id this project had already accepted: not counted again" }),
    seq: z.int().openapi({ description: "The project's sequence number after this batch" }),
  })
  .openapi("CounterResult");

export type CounterEventInput = z.infer<typeof CounterEventSchema>;
export type CounterResult = z.infer<typeof CounterResultSchema>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "chữ thường, số và '-' (lowercase letters, digits, '-')");
const isoDate = z.iso.date();

export const ProvinceCreateSchema = z.strictObject({ id: slug, name: z.string().trim().min(1).max(200) });

export const ProjectCreateSchema = z
  .strictObject({
    id: slug,
    name: z.string().trim().min(1).max(300),
    legalBasis: z.string().trim().max(300).default(""),
    periodStart: isoDate,
    periodEnd: isoDate,
    timeZone: z.literal("Asia/Ho_Chi_Minh").default("Asia/Ho_Chi_Minh"),
  })
  .refine((p) => p.periodStart <= p.periodEnd, { message: "periodStart must not be after periodEnd", path: ["periodEnd"] });

export const PlanImportSchema = z.strictObject({
  table: z.string().min(1).max(1_000_000),
  target: z.enum(["approved", "funded", "both"]).default("both"),
  format: z.enum(["vi", "en"]).default("vi"),
});

export const StationCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** Station ids are short (they travel in every live delta cell); older ones are UUIDs. */
export const StationId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,35}$/);
export const StationParams = z.object({ projectId: ProjectIdParam.shape.projectId, stationId: StationId });

export const FondsParams = z.object({ projectId: ProjectIdParam.shape.projectId, fondsCode: z.string().min(1).max(64) });

export const FondsUpdateSchema = z.strictObject({
  restricted: z.boolean().optional(),
  agency: z.string().trim().max(300).optional(),
});

const email = z.email().max(200).transform((e) => e.toLowerCase());

export const LoginSchema = z.strictObject({ email, password: z.string().min(1).max(200) });

export const UserCreateSchema = z.strictObject({
  email,
  name: z.string().trim().min(1).max(120),
  password: z.string().min(10, "ít nhất 10 ký tự (at least 10 characters)").max(200),
});

export const MemberGrantSchema = z.strictObject({ email, role: z.enum(["admin", "supervisor", "leader"]) });

export const MemberParams = z.object({ provinceId: ProvinceIdParam.shape.provinceId, userId: z.string().min(1).max(64) });

export const AuditQuery = z.strictObject({ before: z.coerce.number().int().positive().optional() });

const day = z.iso.date();

export const RuleParams = z.object({ projectId: ProjectIdParam.shape.projectId, ruleId: z.uuid() });
export const ContactPointParams = z.object({ projectId: ProjectIdParam.shape.projectId, contactPointId: z.uuid() });

export const AlertRuleSchema = z
  .strictObject({
    type: z.enum(["behind_schedule", "under_plan", "silent_station"]),
    fonds: z.string().min(1).max(64).nullable().default(null),
    kind: z.enum(WORK_KIND_KEYS).nullable().default(null),
    station: StationId.nullable().default(null),
    /** behind/under plan: tolerance 0–0.9; silent station: minutes of working time. */
    threshold: z.number().min(0).max(10_000),
    pendingMinutes: z.int().min(0).max(7 * 24 * 60).default(0),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.type === "silent_station" || r.threshold <= 0.9, { message: "tolerance is a fraction ≤ 0.9", path: ["threshold"] })
  .refine((r) => r.type !== "silent_station" || r.threshold >= 1, { message: "minutes ≥ 1", path: ["threshold"] });

export const AlertRulePatchSchema = z.strictObject({
  threshold: z.number().min(0).max(10_000).optional(),
  pendingMinutes: z.int().min(0).max(7 * 24 * 60).optional(),
  enabled: z.boolean().optional(),
});

export const ContactPointSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  url: z.url({ protocol: /^https?$/ }).max(500),
});

export const AlertActionSchema = z.strictObject({
  ruleId: z.uuid(),
  scope: z.string().min(1).max(200),
  comment: z.string().trim().max(1000).default(""),
});

export const SilenceSchema = AlertActionSchema.extend({ minutes: z.int().min(1).max(30 * 24 * 60) });

export const CalendarSchema = z
  .strictObject({
    holidays: z.array(day).max(400).default([]),
    workingSaturdays: z.array(day).max(200).default([]),
    dayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("07:30"),
    dayEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("17:00"),
  })
  .refine((c) => c.dayStart < c.dayEnd, { message: "dayStart must be before dayEnd", path: ["dayEnd"] });

export const PeriodTargetsSchema = z.strictObject({
  rows: z
    .array(
      z
        .strictObject({ fonds: z.string().min(1).max(64), kind: z.enum(WORK_KIND_KEYS), from: day, to: day, amount: z.number().min(0).max(1e9) })
        .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] }),
    )
    .min(1)
    .max(2000),
});

export const PlanMoveSchema = z
  .strictObject({
    kind: z.enum(WORK_KIND_KEYS),
    from: z.string().min(1).max(64),
    to: z.string().min(1).max(64),
    amount: z.number().positive().max(1e9),
    reason: z.string().trim().min(3).max(1000),
  })
  .refine((m) => m.from !== m.to, { message: "from and to must differ", path: ["to"] });

export const ReportParams = z.object({ projectId: ProjectIdParam.shape.projectId, reportId: z.uuid() });
export const ReportQuery = z.strictObject({ locale: z.enum(["vi", "en"]).default("vi") });
export const AdhocReportSchema = z
  .strictObject({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] });
export const ReportNotesSchema = z.strictObject({
  difficulties: z.string().trim().max(10_000).default(""),
  proposals: z.string().trim().max(10_000).default(""),
});

export const CorrectionSchema = z.strictObject({
  fonds: z.string().min(1).max(64),
  kind: z.enum(WORK_KIND_KEYS),
  /** Signed: a correction may take counted volume back. */
  delta: z.number().refine((d) => d !== 0, "must not be zero").refine((d) => Math.abs(d) <= MAX_DELTA, "too large"),
  reason: z.string().trim().min(3).max(1000),
});

export const VerificationSchema = z.strictObject({
  inspectionDay: day,
  rows: z
    .array(z.strictObject({ fonds: z.string().min(1).max(64), kind: z.enum(WORK_KIND_KEYS), verified: z.number().min(0).max(1e9), note: z.string().trim().max(1000).default("") }))
    .min(1)
    .max(2000),
});

export const AcceptanceSchema = z.strictObject({
  fonds: z.string().min(1).max(64),
  kind: z.enum(WORK_KIND_KEYS),
  amount: z.number().positive().max(1e9),
  minuteNumber: z.string().trim().min(1).max(100),
  minuteDate: day,
});

// Accounts: one's own password, and an administrator's hold on other users (worker/routes/account.ts, users.ts).
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: UserCreateSchema.shape.password,
});

export const UserIdParam = z.object({ userId: MemberParams.shape.userId });

export const ProjectMemberParams = z.object({ projectId: ProjectIdParam.shape.projectId, userId: MemberParams.shape.userId });
