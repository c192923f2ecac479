// Plans over time: the working calendar, the detailed weekly/monthly plan, and moving planned volume
// between fonds (seed 001) with who, when and why.
import { and, desc, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { CalendarSchema, PeriodTargetsSchema, PlanMoveSchema, ProjectIdParam } from "../../schema/api";
import { fonds, planMoves, planPeriodTargets, planTargets, projectCalendars } from "../../schema/db";
import { visibleBy } from "../live/visibility";
import { audienceOf } from "../lib/audience";
import { commitChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { baseUnitsOf } from "../lib/amounts";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";

export const planRoutes = router()
  .get("/projects/:projectId/calendar", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const [row] = await drizzle(c.env.DB).select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId));
    return c.json(row ?? { projectId, holidays: [], workingSaturdays: [], dayStart: "07:30", dayEnd: "17:00" });
  })
  .put("/projects/:projectId/calendar", zValidator("param", ProjectIdParam), zValidator("json", CalendarSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const body = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const [before] = await db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId));
    await commitChange(c, project, [db.insert(projectCalendars).values({ projectId, ...body }).onConflictDoUpdate({ target: projectCalendars.projectId, set: body })], {
      action: "calendar.update",
      target: projectId,
      before,
      after: body,
    });
    return c.json({ projectId, ...body });
  })
  .post("/projects/:projectId/plan/periods", zValidator("param", ProjectIdParam), zValidator("json", PeriodTargetsSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const { rows } = c.req.valid("json");
    const db = drizzle(c.env.DB);
    const known = new Map((await db.select({ id: fonds.id, code: fonds.code }).from(fonds).where(eq(fonds.projectId, projectId))).map((f) => [f.code, f.id]));
    const unknown = rows.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r.fonds));
    if (unknown.length > 0) throw new ApiError(400, "validation_failed", "Có phông không thuộc dự án (unknown fonds)", unknown.map(({ r, i }) => ({ path: `rows.${i}.fonds`, message: `unknown fonds '${r.fonds}'` })));
    const values = rows.map((r, i) => ({ projectId, fondsId: known.get(r.fonds)!, kind: r.kind, from: r.from, to: r.to, amount: baseUnitsOf(r.kind, r.amount, `rows.${i}.amount`) }));
    // The detailed plan of each fonds × kind in the body is replaced whole.
    const pairs = [...new Set(values.map((v) => `${v.fondsId}/${v.kind}`))].map((p) => p.split("/") as [string, string]);
    const [first, ...rest] = pairs.map(([fondsId, kind]) =>
      db.delete(planPeriodTargets).where(and(eq(planPeriodTargets.fondsId, Number(fondsId)), eq(planPeriodTargets.kind, kind))),
    );
    await commitChange(c, project, [first!, ...rest, db.insert(planPeriodTargets).values(values)], { action: "plan.periods", target: projectId, after: rows });
    return c.json({ rows: values.length });
  })
  .post("/projects/:projectId/plan/move", zValidator("param", ProjectIdParam), zValidator("json", PlanMoveSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const project = await requireProject(c.env.DB, projectId);
    const move = c.req.valid("json");
    const amount = baseUnitsOf(move.kind, move.amount, "amount");
    const db = drizzle(c.env.DB);
    const fondsRows = await db.select({ id: fonds.id, code: fonds.code }).from(fonds).where(and(eq(fonds.projectId, projectId), inArray(fonds.code, [move.from, move.to])));
    const from = fondsRows.find((f) => f.code === move.from);
    const to = fondsRows.find((f) => f.code === move.to);
    if (!from || !to) throw new ApiError(400, "validation_failed", "Có phông không thuộc dự án (unknown fonds)", [{ path: from ? "to" : "from", message: "unknown fonds" }]);
    const targets = await db.select().from(planTargets).where(and(inArray(planTargets.fondsId, [from.id, to.id]), eq(planTargets.kind, move.kind)));
    const src = targets.find((t) => t.fondsId === from.id);
    const dst = targets.find((t) => t.fondsId === to.id) ?? { approved: 0, funded: 0 };
    // Both the approved and the funded target move, so each keeps the project total it had.
    const moves = { approved: (src?.approved ?? 0) > 0, funded: (src?.funded ?? 0) > 0 };
    if (!src || (moves.approved && src.approved < amount) || (moves.funded && src.funded < amount)) {
      throw new ApiError(400, "validation_failed", "Phông nguồn không đủ khối lượng kế hoạch (not enough planned volume to move)", [{ path: "amount", message: "exceeds the source fonds' plan" }]);
    }
    const p = c.var.principal;
    const actor = actorOf(p);
    const user = { userId: actor.id, userName: actor.name };
    const after = {
      from: { approved: src.approved - (moves.approved ? amount : 0), funded: src.funded - (moves.funded ? amount : 0) },
      to: { approved: dst.approved + (moves.approved ? amount : 0), funded: dst.funded + (moves.funded ? amount : 0) },
    };
    await commitChange(
      c,
      project,
      [
        db.update(planTargets).set(after.from).where(and(eq(planTargets.fondsId, from.id), eq(planTargets.kind, move.kind))),
        db.insert(planTargets).values({ projectId, fondsId: to.id, kind: move.kind, ...after.to }).onConflictDoUpdate({ target: [planTargets.fondsId, planTargets.kind], set: after.to }),
        db.insert(planMoves).values({ projectId, kind: move.kind, fromFonds: move.from, toFonds: move.to, amount, reason: move.reason, ...user, at: Date.now() }),
      ],
      { action: "plan.move", target: `${move.kind} ${move.from} → ${move.to}`, before: { from: src, to: dst }, after: { ...after, reason: move.reason } },
    );
    return c.json({ kind: move.kind, amount, fromFonds: move.from, toFonds: move.to, targets: after });
  })
  .get("/projects/:projectId/plan/moves", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const moves = await drizzle(c.env.DB).select().from(planMoves).where(eq(planMoves.projectId, projectId)).orderBy(desc(planMoves.at));
    return c.json({ moves: visibleBy(moves, await audienceOf(c, projectId), (m) => [m.fromFonds, m.toFonds]) });
  });
