// Plans over time: calendars, detailed period targets, moved volume (worker/routes/plans.ts).
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { projects, fonds } from "./core";

/** Working-day calendar of a project: holidays and working Saturdays on top of Monday–Friday. */
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
