// Users, roles, sessions and the audit log (worker/auth).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, provinces, projects } from "./core";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  /** Set by an administrator: no sign-in, no session (worker/auth/sessions.ts), until re-enabled. */
  disabledAt: integer("disabled_at"),
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

/** Sign-in attempts per email that have not succeeded (failed or still being checked), for throttling. */
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
