// Counters as D1 keeps them: written through from the project Durable Objects (worker/live/flush.ts).
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./core";

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
  // The second index serves reports, which read a day range of one project.
  (t) => [primaryKey({ columns: [t.projectId, t.fondsCode, t.kind, t.stationId, t.day] }), index("daily_totals_day").on(t.projectId, t.day)],
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
