// The OpenAPI document of every route (worker/openapi/document.ts), served as JSON. Mounted after the
// API routes, so their createRoute definitions are already in the registry.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../lib/app-env";
import { openApiDocument, registerDocumentation, type OpenApiDocument } from "../openapi/document";

export function mountOpenApi(app: OpenAPIHono<AppEnv>): void {
  registerDocumentation(app);
  // The routes are fixed once the module is loaded: generate once per isolate, not per request.
  let doc: OpenApiDocument | undefined;
  app.get("/api/v1/openapi.json", (c) => c.json((doc ??= openApiDocument(app))));
}
