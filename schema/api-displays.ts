// Request schemas of the wall-screen display routes (worker/routes/displays.ts).
import { z } from "@hono/zod-openapi";
import { ProjectIdParam, ProvinceIdParam, text } from "./api-base";

export const DisplayCreateSchema = z.strictObject({ name: text().trim().min(1).max(100) });

/** The token the wall URL carried, traded once for the display cookie. */
export const DisplaySessionSchema = z.strictObject({ token: text().regex(/^dt_[A-Za-z0-9_-]{20,100}$/, "mã màn hình không hợp lệ (not a display token)") });

const DisplayId = text().regex(/^[a-z0-9]{10,36}$/);
export const ProvinceDisplayParams = z.object({ provinceId: ProvinceIdParam.shape.provinceId, displayId: DisplayId });
export const ProjectDisplayParams = z.object({ projectId: ProjectIdParam.shape.projectId, displayId: DisplayId });
