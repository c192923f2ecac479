// The HTTP API: route modules mounted under /api/v1, all behind one authorization middleware.
// `AppType` gives the dashboard a typed client (hc).
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { MAX_API_BODY_BYTES } from "../schema/api";
import { authorize } from "./auth/middleware";
import { router } from "./lib/app-env";
import { ApiError, onError } from "./lib/errors";
import { jsonBodiesOnly } from "./lib/json-body";
import { accountRoutes } from "./routes/account";
import { alertRoutes } from "./routes/alerts";
import { archiveRoutes } from "./routes/archive";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { counters } from "./routes/counters";
import { displayRoutes } from "./routes/displays";
import { filingRoutes } from "./routes/filings";
import { firstRunRoutes } from "./routes/first-run";
import { inspectionRoutes } from "./routes/inspections";
import { live } from "./routes/live";
import { provinceLive } from "./routes/province-live";
import { mountOpenApi } from "./routes/openapi";
import { peopleRoutes } from "./routes/people";
import { planRoutes } from "./routes/plans";
import { projectRoutes } from "./routes/projects";
import { provinceRoutes } from "./routes/provinces";
import { reportRoutes } from "./routes/reports";
import { stationRoutes } from "./routes/stations";
import { userRoutes } from "./routes/users";

const api = router()
  .route("/", authRoutes)
  .route("/", firstRunRoutes)
  .route("/", accountRoutes)
  .route("/", counters)
  .route("/", live)
  .route("/", provinceLive)
  .route("/", provinceRoutes)
  .route("/", projectRoutes)
  .route("/", archiveRoutes)
  .route("/", stationRoutes)
  .route("/", userRoutes)
  .route("/", peopleRoutes)
  .route("/", auditRoutes)
  .route("/", displayRoutes)
  .route("/", alertRoutes)
  .route("/", planRoutes)
  .route("/", reportRoutes)
  .route("/", filingRoutes)
  .route("/", inspectionRoutes);

const withSecurityHeaders = secureHeaders({ strictTransportSecurity: "max-age=31536000; includeSubDomains" });

const base = router();
// A WebSocket upgrade's 101 response has immutable headers; everything else gets the security headers.
base.use("/api/*", (c, next) => (c.req.header("Upgrade") === "websocket" ? next() : withSecurityHeaders(c, next)));
// Before any route: every request is authenticated and checked against worker/auth/policy.ts.
base.use("/api/*", authorize);
// No API body is larger than a pasted plan table; counters have their own, smaller limit.
base.use(
  "/api/*",
  bodyLimit({
    maxSize: MAX_API_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "Yêu cầu quá lớn (body too large)");
    },
  }),
);
// After the size limit (a huge body is a 413 whatever its type) and before any route reads a body.
base.use("/api/*", jsonBodiesOnly);
export const app = base.route("/api/v1", api);
mountOpenApi(app);
// Must come after every API route: anything else under /api is a 404 in the one error shape,
// never the dashboard's index.html (the assets binding answers everything outside /api).
app.all("/api/*", () => {
  throw new ApiError(404, "not_found", "Không có đường dẫn này (no such route)");
});
app.onError(onError);

export type AppType = typeof app;
