// Wall-screen displays: read-only tokens for a meeting room's big screen (worker/auth/displays.ts).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, projects, provinces } from "./core";

/** A display sees one province's overview and live feeds, or one project's; never restricted fonds.
 * Only the token's SHA-256 is kept, as for stations. */
export const displayTokens = sqliteTable(
  "display_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    /** Set for a project's display; null for the whole province's. */
    projectId: text("project_id").references(() => projects.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdById: text("created_by_id").notNull(),
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
    /** Written at most every few minutes (worker/auth/displays.ts), so a screen costs no write per request. */
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("display_tokens_province").on(t.provinceId)],
);
