// Request and response schemas of the HTTP API: they validate at the edge (worker/routes/*) and
// generate the OpenAPI document (/api/v1/openapi.json), so the two cannot drift. One file per area.
export * from "./api-base";
export * from "./api-counters";
export * from "./api-admin";
export * from "./api-alerts";
export * from "./api-reports";
