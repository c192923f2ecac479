// Contact points of a project (webhook, e-mail, Telegram, Zalo OA), their test-send button and delivery
// log. Mounted by worker/routes/alerts.ts; sending itself happens in the Durable Object (worker/alerts).
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ContactPointParams, ContactPointSchema, ProjectIdParam } from "../../schema/api";
import { contactPoints, webhookDeliveries } from "../../schema/db";
import { commitChange } from "../lib/admin-change";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { requireProject } from "../lib/project";
import { zValidator } from "../lib/validator";

const SECRETS = new Set(["botToken", "accessToken"]);

/** Tokens never travel back to the browser: the last four characters are enough to tell them apart. */
function masked(cp: typeof contactPoints.$inferSelect) {
  const settings = Object.fromEntries(Object.entries(cp.settings).map(([k, v]) => [k, SECRETS.has(k) ? `••••${v.slice(-4)}` : v]));
  return { ...cp, settings };
}

async function findContactPoint(d1: D1Database, projectId: string, contactPointId: string) {
  const project = await requireProject(d1, projectId);
  const where = and(eq(contactPoints.id, contactPointId), eq(contactPoints.projectId, projectId));
  const [before] = await drizzle(d1).select().from(contactPoints).where(where);
  if (!before) throw new ApiError(404, "not_found", "Không có điểm nhận này (unknown contact point)");
  return { project, before, where };
}

export const contactPointRoutes = router()
  .get("/projects/:projectId/contact-points", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(contactPoints).where(eq(contactPoints.projectId, projectId));
    return c.json({ contactPoints: rows.map(masked) });
  })
  .post("/projects/:projectId/contact-points", zValidator("param", ProjectIdParam), zValidator("json", ContactPointSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const cp = { id: crypto.randomUUID(), projectId, enabled: true, ...c.req.valid("json") };
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.insert(contactPoints).values(cp)], { action: "contact_point.create", target: cp.id, after: masked(cp as typeof contactPoints.$inferSelect) });
    return c.json(masked(cp as typeof contactPoints.$inferSelect), 201);
  })
  .delete("/projects/:projectId/contact-points/:contactPointId", zValidator("param", ContactPointParams), async (c) => {
    const { projectId, contactPointId } = c.req.valid("param");
    const { project, before, where } = await findContactPoint(c.env.DB, projectId, contactPointId);
    const db = drizzle(c.env.DB);
    await commitChange(c, project, [db.delete(contactPoints).where(where)], { action: "contact_point.delete", target: contactPointId, before: masked(before) });
    return c.json({ ok: true });
  })
  .post("/projects/:projectId/contact-points/:contactPointId/test", zValidator("param", ContactPointParams), async (c) => {
    const { projectId, contactPointId } = c.req.valid("param");
    await findContactPoint(c.env.DB, projectId, contactPointId);
    const result = await roomFor(c.env, projectId).testContactPoint(contactPointId, Date.now());
    if (!result) throw new ApiError(409, "conflict", "Điểm nhận đang tắt (contact point disabled)");
    return c.json(result, 200);
  })
  .get("/projects/:projectId/contact-points/:contactPointId/deliveries", zValidator("param", ContactPointParams), async (c) => {
    const { projectId, contactPointId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB)
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.projectId, projectId), eq(webhookDeliveries.contactPointId, contactPointId)))
      .orderBy(desc(webhookDeliveries.id))
      .limit(200);
    return c.json({ deliveries: rows });
  })
  .get("/projects/:projectId/deliveries", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(webhookDeliveries).where(eq(webhookDeliveries.projectId, projectId)).orderBy(desc(webhookDeliveries.id)).limit(200);
    return c.json({ deliveries: rows });
  });
