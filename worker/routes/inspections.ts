// Inspection and acceptance: corrections (through the project's Durable Object, so watchers see them
// live), verified figures against reported ones (đối soát), and accepted volume (nghiệm thu).
import { desc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { AcceptanceSchema, CorrectionSchema, ProjectIdParam, VerificationSchema } from "../../schema/api";
import { acceptances, corrections, verifications } from "../../schema/db";
import { seesRestricted } from "../auth/policy";
import { visibleBy } from "../live/visibility";
import { audienceOf } from "../lib/audience";
import { targetOf } from "../../schema/wire";
import { auditInsert } from "../lib/audit";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { actorOf } from "../lib/actor";
import { baseUnitsOf } from "../lib/amounts";
import { zValidator } from "../lib/validator";
import { requireProject } from "../lib/project";

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
    const p = c.var.principal;
    const db = drizzle(c.env.DB);
    await db.batch([
      db.insert(corrections).values({ projectId, fondsCode: body.fonds, kind: body.kind, delta, reason: body.reason, userId: actorOf(p).id, eventId: result.id }),
      auditInsert(c.env.DB, p, { action: "correction", target: `${body.fonds} ${body.kind}`, provinceId: project.provinceId, projectId, after: { delta, reason: body.reason, eventId: result.id } }),
    ]);
    return c.json({ eventId: result.id, seq: result.seq, delta }, 201);
  })
  .get("/projects/:projectId/corrections", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    const rows = await drizzle(c.env.DB).select().from(corrections).where(eq(corrections.projectId, projectId)).orderBy(desc(corrections.id));
    return c.json({ corrections: visibleBy(rows, await audienceOf(c, projectId), (r) => r.fondsCode) });
  })
  .post("/projects/:projectId/verifications", zValidator("param", ProjectIdParam), zValidator("json", VerificationSchema), async (c) => {
    const { projectId } = c.req.valid("param");
    const { inspectionDay, rows } = c.req.valid("json");
    const project = await requireProject(c.env.DB, projectId);
    const { snap, totals } = await liveTotals(c.env, projectId);
    const known = new Set(snap.fonds.map((f) => f.code));
    const bad = rows.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r.fonds));
    if (bad.length > 0) throw new ApiError(400, "validation_failed", "Có phông không thuộc dự án (unknown fonds)", bad.map(({ i }) => ({ path: `rows.${i}.fonds`, message: "unknown fonds" })));
    // "Reported" is what the software counted at the moment of the inspection.
    const values = rows.map((r, i) => ({ projectId, inspectionDay, fondsCode: r.fonds, kind: r.kind, reported: totals.get(`${r.fonds}/${r.kind}`) ?? 0, verified: baseUnitsOf(r.kind, r.verified, `rows.${i}.verified`), note: r.note, userName: actorOf(c.var.principal).name }));
    const db = drizzle(c.env.DB);
    await db.batch([db.insert(verifications).values(values), auditInsert(c.env.DB, c.var.principal, { action: "verification", target: inspectionDay, provinceId: project.provinceId, projectId, after: values })]);
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
    const { snap } = await liveTotals(c.env, projectId);
    if (!snap.fonds.some((f) => f.code === body.fonds)) throw new ApiError(400, "validation_failed", "Không có phông này (unknown fonds)", [{ path: "fonds", message: "unknown fonds" }]);
    const row = { projectId, fondsCode: body.fonds, kind: body.kind, amount: baseUnitsOf(body.kind, body.amount, "amount"), minuteNumber: body.minuteNumber, minuteDate: body.minuteDate, userName: actorOf(c.var.principal).name };
    const db = drizzle(c.env.DB);
    await db.batch([db.insert(acceptances).values(row), auditInsert(c.env.DB, c.var.principal, { action: "acceptance", target: `${body.fonds} ${body.kind}`, provinceId: project.provinceId, projectId, after: row })]);
    return c.json(row, 201);
  })
  .get("/projects/:projectId/acceptances/report", zValidator("param", ProjectIdParam), async (c) => {
    const { projectId } = c.req.valid("param");
    // The snapshot is already the caller's: fonds they may not see are not in it, so not in the rows.
    const { snap, totals } = await liveTotals(c.env, projectId, seesRestricted(c.var.role));
    const accepted = await drizzle(c.env.DB)
      .select({ fonds: acceptances.fondsCode, kind: acceptances.kind, amount: sql<number>`SUM(${acceptances.amount})`, minutes: sql<string>`GROUP_CONCAT(${acceptances.minuteNumber}, ', ')` })
      .from(acceptances)
      .where(eq(acceptances.projectId, projectId))
      .groupBy(acceptances.fondsCode, acceptances.kind);
    const acc = new Map(accepted.map((a) => [`${a.fonds}/${a.kind}`, a]));
    const kinds = [...new Set(snap.fonds.flatMap((f) => Object.keys(f.approved)))];
    const rows = snap.fonds.flatMap((f) =>
      kinds.map((kind) => {
        const k = `${f.code}/${kind}`;
        const reported = totals.get(k) ?? 0;
        const a = acc.get(k);
        return { fonds: f.code, name: f.name, kind, plan: targetOf(f, kind), reported, accepted: Number(a?.amount ?? 0), minutes: a?.minutes ?? "", notYetAccepted: reported - Number(a?.amount ?? 0) };
      }),
    );
    return c.json({ rows });
  });
