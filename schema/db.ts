// D1 tables (drizzle). migrations/ is generated from this file: `npm run db:generate`.
// Quantities are integers in the kind's smallest unit (see schema/kinds.ts).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
