// Worker entry: the API (worker/app.ts) and the project Durable Object class. Static assets (the
// dashboard) are served by the platform before this runs; wrangler.toml routes /api/* here first.
import { app } from "./app";
import { runScheduledReports } from "./reports/cron";

export { ProjectRoom } from "./live/room";

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledReports(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
