import type { ProjectRoom } from "./live/room";
import type { ProvinceRoom } from "./province/room";
import type { NationalRoom } from "./province/national";

declare global {
  type Env = Cloudflare.Env;

  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("./index");
      durableNamespaces: "ProjectRoom" | "ProvinceRoom" | "NationalRoom";
    }
    interface Env {
      DB: D1Database;
      PROJECT_ROOM: DurableObjectNamespace<ProjectRoom>;
      /** One per province: the overview's cards of its projects, over one socket per watcher. */
      PROVINCE_ROOM: DurableObjectNamespace<ProvinceRoom>;
      /** One for the country: a summary line per province, over one socket per watcher. */
      NATIONAL_ROOM: DurableObjectNamespace<NationalRoom>;
      /** Bearer token for administrative routes: the operator credential of provisioning scripts; set in .dev.vars or as a secret. */
      ADMIN_TOKEN: string;
      /** E-mail contact points (worker/alerts/channels.ts): wrangler.toml `[[send_email]]`; simulated locally. */
      ALERT_EMAIL?: SendEmail;
      /** The sender of alert e-mail; a verified address of the zone in production. */
      ALERT_EMAIL_FROM?: string;
    }
  }
}
export {};
