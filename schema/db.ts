// D1 tables (drizzle). migrations/ is generated from this file: `npm run db:generate`.
// Quantities are integers in the kind's smallest unit (see schema/kinds.ts).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "number" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const provinces = sqliteTable("provinces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    name: text("name").notNull(),
    legalBasis: text("legal_basis").notNull().default(""), // e.g. "Quyết định 4020/QĐ-UBND"
    periodStart: text("period_start").notNull(), // yyyy-mm-dd, in the project's time zone
    periodEnd: text("period_end").notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Ho_Chi_Minh"),
    createdAt: createdAt(),
  },
  (t) => [index("projects_province").on(t.provinceId)],
);

/** Seeded by the first migration; the set can grow with a new row and a new entry in schema/kinds.ts. */
export const workKinds = sqliteTable("work_kinds", {
  key: text("key").primaryKey(),
  decimals: integer("decimals").notNull(),
  unit: text("unit").notNull(),
});

// phông
export const fonds = sqliteTable(
  "fonds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    agency: text("agency").notNull().default(""),
    restricted: integer("restricted", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("fonds_project_code").on(t.projectId, t.code)],
);

/** Approved (phê duyệt) and funded (kinh phí được cấp) targets differ: seed 001. */
export const planTargets = sqliteTable(
  "plan_targets",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    fondsId: integer("fonds_id")
      .notNull()
      .references(() => fonds.id),
    kind: text("kind")
      .notNull()
      .references(() => workKinds.key),
    approved: integer("approved").notNull().default(0),
    funded: integer("funded").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.fondsId, t.kind] }), index("plan_targets_project").on(t.projectId)],
);

export const stations = sqliteTable(
  "stations",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    /** SHA-256 of the bearer token, hex; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    revokedAt: integer("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("stations_token_hash").on(t.tokenHash), index("stations_project").on(t.projectId)],
);

/** Every accepted counter event, written through from the project's Durable Object (worker/live/flush.ts). */
export const counterEvents = sqliteTable(
  "counter_events",
  {
    projectId: text("project_id").notNull(),
    eventId: text("event_id").notNull(),
    seq: integer("seq").notNull(),
    stationId: text("station_id").notNull(),
    fondsCode: text("fonds_code").notNull(),
    kind: text("kind").notNull(),
    delta: integer("delta").notNull(),
    at: integer("at").notNull(), // epoch ms
    day: text("day").notNull(), // yyyy-mm-dd in the project's time zone
  },
  (t) => [primaryKey({ columns: [t.projectId, t.eventId] }), index("counter_events_seq").on(t.projectId, t.seq)],
);

/** Maintained aggregate that reports read; the Durable Object writes absolute amounts, so a retried flush is harmless. */
export const dailyTotals = sqliteTable(
  "daily_totals",
  {
    projectId: text("project_id").notNull(),
    fondsCode: text("fonds_code").notNull(),
    kind: text("kind").notNull(),
    stationId: text("station_id").notNull(),
    day: text("day").notNull(),
    amount: integer("amount").notNull(),
    seq: integer("seq").notNull(), // the project seq this amount is current to
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fondsCode, t.kind, t.stationId, t.day] })],
);

/** Corrections after reconciliation (đối soát): a signed delta with a reason, applied through the Durable Object. */
export const corrections = sqliteTable(
  "corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id").notNull(),
    fondsCode: text("fonds_code").notNull(),
    kind: text("kind").notNull(),
    delta: integer("delta").notNull(),
    reason: text("reason").notNull(),
    userId: text("user_id"),
    eventId: text("event_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("corrections_project").on(t.projectId)],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  createdAt: createdAt(),
});

export const ROLES = ["admin", "supervisor", "leader"] as const;
export type Role = (typeof ROLES)[number];

/** A role held in one province (all its projects) or one project. */
export const memberships = sqliteTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    provinceId: text("province_id").references(() => provinces.id),
    projectId: text("project_id").references(() => projects.id),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [index("memberships_user").on(t.userId)],
);

/** Signed-in browser sessions; the cookie holds a random id, D1 only its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** Sent by the dashboard in X-CSRF-Token on every cookie-authenticated write. */
    csrfToken: text("csrf_token").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-ins per email, for throttling. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    email: text("email").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_email").on(t.email, t.at)],
);

/** Administrative actions: who, when, what, before and after. Append-only (triggers in the migration). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorType: text("actor_type", { enum: ["user", "operator", "station"] }).notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    provinceId: text("province_id"),
    projectId: text("project_id"),
    target: text("target").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_log_project").on(t.projectId, t.at), index("audit_log_province").on(t.provinceId, t.at)],
);

/** Working-day calendar of a project (issue 4): holidays and working Saturdays on top of Monday–Friday. */
export const projectCalendars = sqliteTable("project_calendars", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id),
  holidays: text("holidays", { mode: "json" }).$type<string[]>().notNull(),
  workingSaturdays: text("working_saturdays", { mode: "json" }).$type<string[]>().notNull(),
  /** Local working hours, for the silent-station rule: "07:30". */
  dayStart: text("day_start").notNull().default("07:30"),
  dayEnd: text("day_end").notNull().default("17:00"),
});

/** Detailed weekly or monthly plan (kế hoạch chi tiết hàng tuần, hàng tháng; seed 000). */
export const planPeriodTargets = sqliteTable(
  "plan_period_targets",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    fondsId: integer("fonds_id")
      .notNull()
      .references(() => fonds.id),
    kind: text("kind").notNull(),
    from: text("from_day").notNull(),
    to: text("to_day").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fondsId, t.kind, t.from] }), index("plan_period_targets_project").on(t.projectId)],
);

/** Planned volume moved from a fonds that cannot reach it to others (seed 001); the project total stays. */
export const planMoves = sqliteTable(
  "plan_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    kind: text("kind").notNull(),
    fromFonds: text("from_fonds").notNull(),
    toFonds: text("to_fonds").notNull(),
    amount: integer("amount").notNull(),
    reason: text("reason").notNull(),
    userId: text("user_id").notNull(),
    userName: text("user_name").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("plan_moves_project").on(t.projectId, t.at)],
);

export const ALERT_RULE_TYPES = ["behind_schedule", "under_plan", "silent_station"] as const;
export type AlertRuleType = (typeof ALERT_RULE_TYPES)[number];

export const alertRules = sqliteTable(
  "alert_rules",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    type: text("type", { enum: ALERT_RULE_TYPES }).notNull(),
    /** Limits the rule to one fonds, kind or station; null = every one. */
    fonds: text("fonds"),
    kind: text("kind"),
    station: text("station"),
    /** behind/under-plan: tolerance as a fraction (0.05); silent station: minutes of working time. */
    threshold: real("threshold").notNull(),
    /** How long the condition must hold before pending becomes firing. */
    pendingMinutes: integer("pending_minutes").notNull().default(0),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("alert_rules_project").on(t.projectId)],
);

/** Webhook contact points: one JSON POST per alert transition, retried with backoff. */
export const contactPoints = sqliteTable(
  "contact_points",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    url: text("url").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("contact_points_project").on(t.projectId)],
);

/** Every alert transition, written through from the project's Durable Object (history for reports). */
export const alertTransitions = sqliteTable(
  "alert_transitions",
  {
    projectId: text("project_id").notNull(),
    id: integer("id").notNull(), // per-project sequence in the Durable Object
    ruleId: text("rule_id").notNull(),
    scope: text("scope").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    at: integer("at").notNull(),
    values: text("values", { mode: "json" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

/** Webhook delivery attempts, written through from the Durable Object. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    projectId: text("project_id").notNull(),
    id: integer("id").notNull(),
    contactPointId: text("contact_point_id").notNull(),
    transitionId: integer("transition_id").notNull(),
    attempt: integer("attempt").notNull(),
    status: integer("status"), // HTTP status, null on a network error
    error: text("error"),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index("webhook_deliveries_cp").on(t.contactPointId)],
);
