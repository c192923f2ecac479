// The HTTP API: route modules mounted under /api/v1. `AppType` gives the dashboard a typed client (hc).
import { router } from "./lib/app-env";
import { ApiError, onError } from "./lib/errors";
import { counters } from "./routes/counters";
import { live } from "./routes/live";
import { mountOpenApi } from "./routes/openapi";
import { projectRoutes } from "./routes/projects";
import { provinceRoutes } from "./routes/provinces";

const api = router().route("/", counters).route("/", live).route("/", provinceRoutes).route("/", projectRoutes);

export const app = router().route("/api/v1", api);
mountOpenApi(app);
// Must come after every API route: anything else under /api is a 404 in the one error shape,
// never the dashboard's index.html (the assets binding answers everything outside /api).
app.all("/api/*", () => {
  throw new ApiError(404, "not_found", "Không có đường dẫn này (no such route)");
});
app.onError(onError);

export type AppType = typeof app;
