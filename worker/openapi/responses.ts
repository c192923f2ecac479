// Success shapes of the plain routes, for the OpenAPI document only: handlers build their answers from
// D1 rows and Durable Object views, so these are written by hand. Where an answer is large and typed
// elsewhere (schema/wire.ts, schema/reports/content.ts), it is an open object that names that type,
// rather than a copy that would drift from it.
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "../../schema/kinds";

const role = z.enum(["admin", "supervisor", "leader"]);
const kind = z.enum(WORK_KIND_KEYS);
const millis = z.int().openapi({ description: "Milliseconds since 1970-01-01 UTC" });

/** An object whose fields are typed in the source file its description names. */
export const open = (description: string) => z.record(z.string(), z.unknown()).openapi({ description });
const list = <K extends string>(key: K, description: string) => z.object({ [key]: z.array(open(description)) } as Record<K, z.ZodArray<ReturnType<typeof open>>>);

export const Ok = z.object({ ok: z.literal(true) }).openapi("Ok");

const UserRef = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const Login = z.object({ user: UserRef, csrfToken: z.string().openapi({ description: "Send as X-CSRF-Token on every cookie-authenticated write" }) }).openapi("LoginResult");
const Membership = z.object({ role, provinceId: z.string().nullable(), projectId: z.string().nullable() });
export const Me = z
  .object({ user: UserRef, memberships: z.array(Membership), csrfToken: z.string().nullable().openapi({ description: "null for the operator token, which needs none" }) })
  .openapi("Me");
export const PasswordChanged = z.object({ ok: z.literal(true), otherSessionsEnded: z.int() });

export const Provinces = z
  .object({
    provinces: z.array(
      z.object({ id: z.string(), name: z.string(), projects: z.array(z.object({ id: z.string(), provinceId: z.string(), name: z.string(), archivedAt: z.int().nullable() })) }),
    ),
  })
  .openapi("Provinces");
export const Province = z.object({ id: z.string(), name: z.string() }).openapi("Province");
export const Overview = z.object({ province: Province, projects: z.array(open("One project's live figures (worker/live/summary.ts ProjectSummary)")) });
export const Project = z
  .object({ id: z.string(), provinceId: z.string(), name: z.string(), legalBasis: z.string(), periodStart: z.string(), periodEnd: z.string(), timeZone: z.string() })
  .openapi("Project");
export const ProjectArchive = z.object({ id: z.string(), archivedAt: z.int().nullable().openapi({ description: "Epoch ms; null once brought back" }) });

export const Users = z
  .object({
    users: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        disabledAt: millis.nullable(),
        canDisable: z.boolean(),
        roles: z.array(Membership.extend({ canRevoke: z.boolean() })),
      }),
    ),
  })
  .openapi("Users");
export const NewUser = UserRef;
export const ProvinceUser = UserRef.extend({
  role,
  provinceId: z.string(),
  initialPassword: z.string().openapi({ description: "Shown once; only its hash is kept" }),
});
export const FirstRun = z.object({ open: z.boolean().openapi({ description: "true while no account exists" }) });
export const PasswordReset = UserRef.omit({ name: true }).extend({
  password: z.string().openapi({ description: "Shown once; only its hash is kept" }),
  sessionsEnded: z.int(),
});
export const UserState = z.object({ id: z.string(), email: z.string(), disabledAt: millis.nullable() });
export const ProvinceMember = z.object({ userId: z.string(), provinceId: z.string(), role });
export const ProjectMember = z.object({ userId: z.string(), projectId: z.string(), role });
export const SystemMember = z.object({ userId: z.string(), role });
export const Audit = z.object({
  entries: z.array(open("One audit log entry (schema/tables/access.ts auditLog)")),
  next: z.int().nullable().openapi({ description: "Pass as `before` for the next, older page; null on the last page" }),
});

export const Station = z.object({ id: z.string(), name: z.string(), createdAt: millis, revokedAt: millis.nullable() }).openapi("Station");
export const Stations = z.object({ stations: z.array(Station) });
export const StationToken = z
  .object({ id: z.string(), name: z.string(), projectId: z.string(), token: z.string().openapi({ description: "The station token (st_…), shown once; only its hash is kept" }) })
  .openapi("StationToken");
export const StationView = open("The station's entry page data, with `kinds` the project counts (worker/live/room.ts StationView)");

const Totals = z.record(z.string(), z.number()).openapi({ description: "Per work kind, in the kind's smallest unit" });
export const PlanPreview = z.union([
  z.object({ ok: z.literal(false), errors: z.array(open("A parse error with its line and column (schema/plan/import.ts)")) }),
  z.object({
    ok: z.literal(true),
    kinds: z.array(kind),
    totals: Totals,
    rows: z.array(z.object({ line: z.int(), code: z.string(), name: z.string(), amounts: Totals })),
  }),
]);
export const PlanImported = z.object({ fonds: z.int(), kinds: z.array(kind), totals: Totals });
export const Fonds = open("The fonds row (schema/tables/core.ts fonds)");

const Calendar = z.object({ projectId: z.string(), holidays: z.array(z.string()), workingSaturdays: z.array(z.string()), dayStart: z.string(), dayEnd: z.string() });
export const ProjectCalendar = Calendar.openapi("ProjectCalendar");
export const PeriodsSaved = z.object({ rows: z.int() });
const Targets = z.object({ approved: z.int(), funded: z.int() });
export const PlanMoved = z.object({ kind, amount: z.int(), fromFonds: z.string(), toFonds: z.string(), targets: z.object({ from: Targets, to: Targets }) });
export const PlanMoves = list("moves", "A plan move with who, when and why (schema/tables/plans.ts planMoves)");

export const AlertRule = open("An alert rule (schema/tables/alerts.ts alertRules)");
export const AlertRules = list("rules", "An alert rule (schema/tables/alerts.ts alertRules)");
export const ContactPoint = z.object({ id: z.string(), projectId: z.string(), name: z.string(), url: z.string() });
export const ContactPoints = z.object({ contactPoints: z.array(ContactPoint) });
export const Deliveries = list("deliveries", "One webhook delivery attempt (schema/tables/alerts.ts webhookDeliveries)");
export const Alerts = list("alerts", "An alert instance and its state (schema/wire.ts AlertView)");
export const Silenced = z.object({ ok: z.literal(true), until: millis });

const SignOff = z.object({ by: z.string(), at: millis });
const ReportMeta = z.object({ id: z.string(), type: z.enum(["weekly", "monthly", "inspection", "adhoc"]), from: z.string(), to: z.string(), version: z.int(), generatedAt: millis, generatedBy: z.string() });
export const Reports = z.object({ reports: z.array(ReportMeta) });
export const StoredReport = z.object({ id: z.string(), version: z.int(), created: z.boolean() });
export const Report = z.object({
  meta: ReportMeta,
  content: open("The report as this caller may see it (schema/reports/content.ts ReportContent)"),
  notes: z.object({ difficulties: z.string(), proposals: z.string(), updatedBy: z.string(), updatedAt: millis }).nullable(),
  document: z.object({ settings: z.record(z.string(), z.unknown()), saved: z.object({ by: z.string(), at: millis }).nullable() }).openapi({ description: "The official document's heading: as submitted once this version is, today's otherwise" }),
  frozen: z
    .object({ submitted: SignOff, received: SignOff.nullable(), corrected: SignOff.extend({ reason: z.string() }).nullable() })
    .nullable()
    .openapi({ description: "Set once this version is submitted: it, its notes and its heading no longer change; a correction makes the next version" }),
});
export const DocumentSettingsSaved = z.object({ settings: z.record(z.string(), z.unknown()), saved: z.object({ by: z.string(), at: millis }) });
export const ReportNotes = z.object({ difficulties: z.string(), proposals: z.string(), reasons: z.record(z.string(), z.string()), updatedBy: z.string(), updatedAt: millis.openapi({ description: "The notes' version: the next save's `base.updatedAt`" }) });
export const ReportingCalendar = z.object({ today: z.string(), items: z.array(open("A due report and its state (worker/reports/filings.ts CalendarItem)")) });
export const CaughtUp = z.object({ created: z.int().openapi({ description: "Reports written by this call" }) });
export const Submitted = z.object({ submitted: SignOff });
export const Received = z.object({ received: SignOff });
export const ReportCorrected = z.object({ id: z.string(), version: z.int(), corrected: SignOff.extend({ reason: z.string() }) });

export const Corrected = z.object({ eventId: z.string(), seq: z.int(), delta: z.int() });
export const Corrections = list("corrections", "A correction with its reason (schema/tables/live.ts corrections)");
export const Verifications = list("rows", "Verified against counted, with `difference` (đối soát)");
export const Acceptance = open("The accepted volume as stored (nghiệm thu)");
export const AcceptanceReport = list("rows", "Per fonds and kind: plan, reported, accepted, each minute (number, date, amount, override reason), not yet accepted");
export const Counted = list("rows", "Per fonds and kind, `counted` by the end of `day`");
export const OpenApiDocument = open("This OpenAPI 3.1 document");
export const CsvFile = z.string().openapi({ description: "CSV text" });
export const BinaryFile = z.string().openapi({ format: "binary", description: "An XLSX workbook" });
