// Inspection and acceptance: corrections (through the project's Durable Object, so watchers see them
// live), verified figures against reported ones (đối soát), and accepted volume (nghiệm thu).
import { asc, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AcceptanceSchema, CorrectionSchema, CountedQuery, ProjectIdParam, VerificationSchema } from "../../schema/api";
import { acceptances, corrections, users, verifications } from "../../schema/db";
import { seesRestricted } from "../auth/policy";
import { visibleBy } from "../live/visibility";
import { audienceOf } from "../lib/audience";
import { commitChange } from "../lib/admin-change";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { baseUnitsOf } from "../lib/amounts";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";
import { acceptedSoFar, countedOnDay, refuseFutureDay } from "../inspections/counted";
import { acceptanceReportRows } from "../../schema/acceptance-report";

async function liveTotals(env: Env, projectId: string, seesRestricted = true) {
  const snap = await roomFor(env, projectId).snapshot(seesRestricted);
  if (!snap) throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
  return { snap, totals: new Map(snap.totals.map((t) => [`${t.fonds}/${t.kind}`, t.amount])) };
}

export const inspectionRoutes = router()
  .post("/projects/:projectId/corrections", zValidator("param", ProjectIdParam), zValidator("json", CorrectionSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const delta = baseUnitsOf(body.kind, body.delta, "delta");
    const result = await roomFor(c.env, projectId).correct(body.fonds, body.kind, delta, Date.now());
    if (result.status === "invalid") throw new ApiError(400, "validation_failed", result.message, [{ path: result.field, message: result.message }]);
    // Already counted by the room itself: D1 keeps who made it and why.
    const row = { projectId, fondsCode: body.fonds, kind: body.kind, delta, reason: body.reason, userId: actorOf(c.var.principal).id, eventId: result.id };
    const after = { delta, reason: body.reason, eventId: result.id };
    await commitChange(c, project, [drizzle(c.env.DB).insert(corrections).values(row)], { action: "correction", target: `${body.fonds} ${body.kind}`, after }, { reload: false });
    return c.json({ eventId: result.id, seq: result.seq, delta }, 201);
  })
  .get("/projects/:projectId/corrections", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    // Who made it is part of the record: the name as the account has it now (a user row is never deleted).
    const rows = await drizzle(c.env.DB)
      .select({ id: corrections.id, fondsCode: corrections.fondsCode, kind: corrections.kind, delta: corrections.delta, reason: corrections.reason, userId: corrections.userId, userName: users.name, eventId: corrections.eventId, createdAt: corrections.createdAt })
      .from(corrections)
      .leftJoin(users, eq(users.id, corrections.userId))
      .where(eq(corrections.projectId, projectId))
      .orderBy(desc(corrections.id));
    return c.json({ corrections: visibleBy(rows, await audienceOf(c, projectId), (r) => r.fondsCode) });
  })
  .get("/projects/:projectId/counted", zValidator("param", ProjectIdParam), zValidator("query", CountedQuery), async (c) => {
    const { projectId } = c.req.valid("param");
    const { day } = c.req.valid("query");
    const project = await requireProject(c.env.DB, projectId);
    refuseFutureDay(day, project.timeZone, Date.now(), "day");
    const counted = await countedOnDay(c.env, projectId, day);
    const rows = [...counted].map(([k, amount]) => {
      const [fonds = "", kind = ""] = k.split("/");
      return { fonds, kind, counted: amount };
    });
    return c.json({ day, rows: visibleBy(rows, await audienceOf(c, projectId), (r) => r.fonds) });
  })
  .post("/projects/:projectId/verifications", zValidator("param", ProjectIdParam), zValidator("json", VerificationSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { inspectionDay, rows } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    refuseFutureDay(inspectionDay, project.timeZone, Date.now(), "inspectionDay");
    const { snap } = await liveTotals(c.env, projectId);
    const known = new Set(snap.fonds.map((f) => f.code));
    const bad = rows.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r.fonds));
    if (bad.length > 0) throw new ApiError(400, "validation_failed", "Có phông không thuộc dự án (unknown fonds)", bad.map(({ i }) => ({ path: `rows.${i}.fonds`, message: "unknown fonds" })));
    // "Reported" is what the software had counted by the end of the inspection day, not today's total.
    const totals = await countedOnDay(c.env, projectId, inspectionDay);
    const values = rows.map((r, i) => ({ projectId, inspectionDay, fondsCode: r.fonds, kind: r.kind, reported: totals.get(`${r.fonds}/${r.kind}`) ?? 0, verified: baseUnitsOf(r.kind, r.verified, `rows.${i}.verified`), note: r.note, userName: actorOf(c.var.principal).name }));
    await commitChange(c, project, [drizzle(c.env.DB).insert(verifications).values(values)], { action: "verification", target: inspectionDay, after: values }, { reload: false });
    return c.json({ rows: values.map((v) => ({ ...v, difference: v.verified - v.reported })) }, 201);
  })
  .get("/projects/:projectId/verifications", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(verifications).where(eq(verifications.projectId, projectId)).orderBy(desc(verifications.inspectionDay), verifications.id);
    return c.json({ rows: visibleBy(rows, await audienceOf(c, projectId), (r) => r.fondsCode).map((v) => ({ ...v, difference: v.verified - v.reported })) });
  })
  .post("/projects/:projectId/acceptances", zValidator("param", ProjectIdParam), zValidator("json", AcceptanceSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const body = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const { snap, totals } = await liveTotals(c.env, projectId);
    if (!snap.fonds.some((f) => f.code === body.fonds)) throw new ApiError(400, "validation_failed", "Không có phông này (unknown fonds)", [{ path: "fonds", message: "unknown fonds" }]);
    const amount = baseUnitsOf(body.kind, body.amount, "amount");
    // Accepted volume is paid for: more than the software counted needs a reason someone answers for.
    const counted = totals.get(`${body.fonds}/${body.kind}`) ?? 0;
    const accepted = await acceptedSoFar(c.env.DB, projectId, body.fonds, body.kind);
    if (accepted + amount > counted && !body.override) {
      throw new ApiError(409, "conflict", "Khối lượng nghiệm thu vượt số đếm; cần lý do (accepted volume would exceed the counted volume: give an override reason)", [
        { path: "amount", message: `accepted ${accepted} + ${amount} > counted ${counted}` },
      ]);
    }
    const overrideReason = accepted + amount > counted ? (body.override?.reason ?? null) : null;
    const row = { projectId, fondsCode: body.fonds, kind: body.kind, amount, minuteNumber: body.minuteNumber, minuteDate: body.minuteDate, userName: actorOf(c.var.principal).name, overrideReason };
    const audit = { action: overrideReason ? "acceptance.override" : "acceptance", target: `${body.fonds} ${body.kind}`, after: overrideReason ? { ...row, counted, acceptedBefore: accepted } : row };
    await commitChange(c, project, [drizzle(c.env.DB).insert(acceptances).values(row)], audit, { reload: false });
    return c.json(row, 201);
  })
  .get("/projects/:projectId/acceptances/report", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    // The snapshot is already the caller's: fonds they may not see are not in it, so not in the rows.
    const { snap, totals } = await liveTotals(c.env, projectId, seesRestricted(c.var.role));
    const accepted = await drizzle(c.env.DB)
      .select({ fonds: acceptances.fondsCode, kind: acceptances.kind, amount: acceptances.amount, minuteNumber: acceptances.minuteNumber, minuteDate: acceptances.minuteDate, overrideReason: acceptances.overrideReason })
      .from(acceptances)
      .where(eq(acceptances.projectId, projectId))
      .orderBy(asc(acceptances.minuteDate), asc(acceptances.id));
    const rows = acceptanceReportRows(snap.fonds, totals, accepted);
    return c.json({ rows });
  });
