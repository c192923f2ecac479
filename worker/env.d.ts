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
      /** Bearer token for administrative routes until sign-in lands (issue 6); set in .dev.vars or as a secret. */
      ADMIN_TOKEN: string;
    }
  }
}
export {};
