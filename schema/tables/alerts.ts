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
    /**
     * Limits the rule to one fonds, kind or station; null = every one. For fonds: null judges the project
     * as a whole (behind schedule) or every fonds (under plan); "*" judges every fonds on its own.
     */
    fonds: text("fonds"),
    kind: text("kind"),
    station: text("station"),
    /** behind/under-plan: tolerance as a fraction (0.05); silent station: minutes of working time. */
    threshold: real("threshold").notNull(),
    /** How long the condition must hold before pending becomes firing. */
    pendingMinutes: integer("pending_minutes").notNull().default(0),
    /** Stays firing this long after the condition clears, so a value hovering at the threshold does not flap. */
    keepFiringMinutes: integer("keep_firing_minutes").notNull().default(0),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("alert_rules_project").on(t.projectId)],
);

export const CONTACT_POINT_TYPES = ["webhook", "email", "telegram", "zalo"] as const;
export type ContactPointType = (typeof CONTACT_POINT_TYPES)[number];

/**
 * Where alerts are delivered: one message per alert group (rule) per interval, as Alertmanager's group
 * wait / group interval / repeat interval, held during the project's non-working time when muted.
 */
export const contactPoints = sqliteTable(
  "contact_points",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    type: text("type", { enum: CONTACT_POINT_TYPES }).notNull().default("webhook"),
    /** Webhook: the URL; e-mail: the address; Telegram/Zalo: the API endpoint (the public one unless a relay). */
    url: text("url").notNull(),
    /** Telegram: { botToken, chatId }; Zalo OA: { accessToken, userId }. */
    settings: text("settings", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    groupWaitSeconds: integer("group_wait_seconds").notNull().default(30),
    groupIntervalSeconds: integer("group_interval_seconds").notNull().default(300),
    repeatIntervalSeconds: integer("repeat_interval_seconds").notNull().default(14_400),
    /** Hold notifications at night, on weekends and holidays (the project calendar) and at lunch; sent when that ends. */
    muteOutsideWorkingTime: integer("mute_outside_working_time", { mode: "boolean" }).notNull().default(false),
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

/** Delivery attempts of every channel (the table kept its first name), written through from the Durable Object. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    projectId: text("project_id").notNull(),
    id: integer("id").notNull(),
    contactPointId: text("contact_point_id").notNull(),
    /** The newest transition the message carried; 0 for a reminder (repeat interval) or a test message. */
    transitionId: integer("transition_id").notNull(),
    /** The alert group (rule id) the message was about; null for a test message. */
    ruleId: text("rule_id"),
    /** How many alerts the message listed. */
    alerts: integer("alerts").notNull().default(1),
    /** Which ones: the scopes within the rule's group, so each alert's history shows what reached whom. */
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull().default([]),
    kind: text("kind", { enum: ["notify", "repeat", "test"] }).notNull().default("notify"),
    attempt: integer("attempt").notNull(),
    status: integer("status"), // HTTP status, null on a network error
    error: text("error"),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] }), index("webhook_deliveries_cp").on(t.contactPointId)],
);

/** Acknowledgements, silences and unsilences: who, when, why, until when; the history view merges them with transitions. */
export const alertActions = sqliteTable(
  "alert_actions",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull(),
    ruleId: text("rule_id").notNull(),
    scope: text("scope").notNull(),
    action: text("action", { enum: ["ack", "silence", "unsilence"] }).notNull(),
    by: text("by").notNull(),
    comment: text("comment").notNull().default(""),
    until: integer("until"),
    at: integer("at").notNull(),
  },
  (t) => [index("alert_actions_project").on(t.projectId, t.at)],
);
