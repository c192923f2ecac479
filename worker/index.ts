// Worker entry: the API (worker/app.ts) and the Durable Object classes: a project's live room, a
// province's overview cards and the nation's summary of its provinces. Static assets (the dashboard)
// are served by the platform before this runs; wrangler.toml routes /api/* here first.
import { app } from "./app";
import { runScheduledReports } from "./reports/cron";

export { ProjectRoom } from "./live/room";
export { ProvinceRoom } from "./province/room";
export { NationalRoom } from "./province/national";

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledReports(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
