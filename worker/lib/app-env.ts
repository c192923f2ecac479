import type { OpenAPIHono } from "@hono/zod-openapi";
import { OpenAPIHono as Hono } from "@hono/zod-openapi";
import type { StationIdentity } from "./auth";
import { validationError } from "./errors";

export interface AppEnv {
  Bindings: Env;
  Variables: { station: StationIdentity };
}

/** Every route module starts here, so a failed zod check anywhere becomes the one 400 error shape. */
export function router(): OpenAPIHono<AppEnv> {
  return new Hono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export function roomFor(env: Env, projectId: string) {
  return env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));
}
