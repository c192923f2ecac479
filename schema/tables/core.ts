// Provinces, projects, fonds, plans and stations.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROJECT_TIME_ZONE } from "../time";

export const createdAt = () =>
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
    timeZone: text("time_zone").notNull().default(PROJECT_TIME_ZONE),
    /** Epoch ms when the finished project was archived (lưu trữ): read-only from then on, still reported. */
    archivedAt: integer("archived_at"),
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
