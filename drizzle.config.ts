import { defineConfig } from "drizzle-kit";

// Migrations are generated from schema/db.ts into migrations/ and applied by wrangler (local and remote).
export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/tables/*.ts",
  out: "./migrations",
});
