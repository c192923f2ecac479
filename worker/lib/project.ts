// The project a route works on, or the one 404 every route gives for an unknown one.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { projects } from "../../schema/db";
import { ApiError } from "./errors";

export async function requireProject(d1: D1Database, projectId: string) {
  const [row] = await drizzle(d1).select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
  return row;
}

/** The one refusal every write to an archived project gets (counters too: worker/routes/counters.ts). */
export function archivedError(): ApiError {
  return new ApiError(409, "archived", "Dự án đã lưu trữ, chỉ đọc (the project is archived: read-only)");
}
