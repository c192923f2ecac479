// The OpenAPI document, generated from the zod schemas that validate the routes (schema/api.ts).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../lib/app-env";

export function mountOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "stationToken", {
    type: "http",
    scheme: "bearer",
    description: "A station token, issued once per station by an administrator",
  });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Số hóa tài liệu lưu trữ — live progress API",
      version: "1.0.0",
      description:
        "Counters from scan stations and the live progress of digitization projects. Every request body is JSON (415 otherwise); every date lies between 2000-01-01 and 2100-12-31; text is normalised to Unicode NFC and must be well-formed UTF-16. Errors have the shape `{error: {code, message, details}}`.",
    },
  });
}
