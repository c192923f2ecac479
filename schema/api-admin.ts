// Setting up and running a province: provinces, projects, plans (import, calendar, period targets, moves),
// stations, people and roles, accounts, the audit log.
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "./kinds";
import { PROJECT_TIME_ZONE } from "./time";
import { ProjectIdParam, ProvinceIdParam, amountFitsKind, day, email, fondsCode, noFieldMessage, someField, text } from "./api-base";

const slug = text().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "chữ thường, số và '-' (lowercase letters, digits, '-')");

export const ProvinceCreateSchema = z.strictObject({ id: slug, name: text().trim().min(1).max(200) });

export const ProjectCreateSchema = z
  .strictObject({
    id: slug,
    name: text().trim().min(1).max(300),
    legalBasis: text().trim().max(300).default(""),
    periodStart: day,
    periodEnd: day,
    timeZone: z.literal(PROJECT_TIME_ZONE).default(PROJECT_TIME_ZONE),
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


export const FondsUpdateSchema = z
  .strictObject({
    /** As the plan table names it; a later import of the plan sets it from the table again. */
    name: text().trim().min(1).max(300).optional(),
    restricted: z.boolean().optional(),
    agency: text().trim().max(300).optional(),
  })
  .refine(someField, noFieldMessage);


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

/** Archiving a project, or bringing it back, says why: the audit log keeps it with who and when. */
export const ArchiveSchema = z.strictObject({ reason: text().trim().min(3).max(1000) });

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
