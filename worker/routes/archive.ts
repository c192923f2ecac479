// Archiving a finished project (lưu trữ): from then on it is read-only (worker/auth/policy.ts
// refusedWhenArchived; its Durable Object refuses counters) and still read and reported. An admin of its
// province, or a system admin, can bring it back.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ArchiveSchema, ProjectIdParam } from "../../schema/api";
import { projects } from "../../schema/db";
import { commitChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";

export const archiveRoutes = router()
  // An archived project never reaches this handler: the middleware refuses the second archive with 409.
  .post("/projects/:projectId/archive", zValidator("param", ProjectIdParam), zValidator("json", ArchiveSchema), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    const archivedAt = Date.now();
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.update(projects).set({ archivedAt }).where(eq(projects.id, project.id))], {
      action: "project.archive",
      target: project.id,
      before: { archivedAt: null },
      after: { archivedAt, reason: c.req.valid("json").reason },
    });
    return c.json({ id: project.id, archivedAt }, 200);
  })
  .post("/projects/:projectId/unarchive", zValidator("param", ProjectIdParam), zValidator("json", ArchiveSchema), async (c) => {
    const project = await requireProject(c.env.DB, c.req.valid("param").projectId);
    if (!project.archivedAt) throw new ApiError(409, "conflict", "Dự án chưa lưu trữ (the project is not archived)");
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.update(projects).set({ archivedAt: null }).where(eq(projects.id, project.id))], {
      action: "project.unarchive",
      target: project.id,
      before: { archivedAt: project.archivedAt },
      after: { archivedAt: null, reason: c.req.valid("json").reason },
    });
    return c.json({ id: project.id, archivedAt: null }, 200);
  });
