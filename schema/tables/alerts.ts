// Alert rules, contact points and their history (worker/alerts).
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, projects } from "./core";

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
