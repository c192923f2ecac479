// zod validation for plain (non-OpenAPI) routes, with the same 400 shape as worker/lib/app-env.ts.
import { zValidator as zv } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { validationError } from "./errors";

export function zValidator<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zv(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });
}
