// D1 tables (drizzle), one file per concern in schema/tables/. migrations/ is generated from them:
// `npm run db:generate`. Quantities are integers in the kind's smallest unit (see schema/kinds.ts).
export * from "./tables/core";
export * from "./tables/live";
export * from "./tables/access";
export * from "./tables/plans";
export * from "./tables/alerts";
export * from "./tables/reports";
export * from "./tables/displays";
