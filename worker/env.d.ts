import type { ProjectRoom } from "./live/room";

declare global {
  type Env = Cloudflare.Env;

  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("./index");
      durableNamespaces: "ProjectRoom";
    }
    interface Env {
      DB: D1Database;
      PROJECT_ROOM: DurableObjectNamespace<ProjectRoom>;
      /** Bearer token for administrative routes: the operator credential of provisioning scripts; set in .dev.vars or as a secret. */
      ADMIN_TOKEN: string;
    }
  }
}
export {};
