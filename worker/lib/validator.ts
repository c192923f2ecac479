// zod validation for plain (non-OpenAPI) routes, with the same 400 shape as worker/lib/app-env.ts.
import { zValidator as zv } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { validationError } from "./errors";
import { isJsonMediaType, unsupportedMediaType } from "./json-body";

export function zValidator<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validate = zv(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });
  if (target !== "json") return validate;
  // Hono reads a json target without a JSON Content-Type as `{}`; a route that takes a body refuses that
  // here, whatever worker/app.ts mounts in front of it.
  const gated: typeof validate = async (c, next) => {
    if (!isJsonMediaType(c.req.header("Content-Type"))) throw unsupportedMediaType();
    return validate(c, next);
  };
  return gated;
}
