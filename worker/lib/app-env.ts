import type { OpenAPIHono } from "@hono/zod-openapi";
import { OpenAPIHono as Hono } from "@hono/zod-openapi";
import type { Role } from "../../schema/db";
import type { Principal } from "../auth/policy";
import { validationError } from "./errors";

export interface AppEnv {
  Bindings: Env;
  /** Set by worker/auth/middleware.ts before any handler runs. */
  Variables: { principal: Principal; role: Role | null };
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

export function provinceRoomFor(env: Env, provinceId: string) {
  return env.PROVINCE_ROOM.get(env.PROVINCE_ROOM.idFromName(provinceId));
}

/** The one national object (worker/province/national.ts). */
export function nationalRoomFor(env: Env) {
  return env.NATIONAL_ROOM.get(env.NATIONAL_ROOM.idFromName("national"));
}
