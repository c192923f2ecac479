// What a project's Durable Object needs from D1 to validate and describe counters: the project, its
// fonds with plan targets, and its stations. Loaded at start and again when an admin changes them.
import { and, asc, eq, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { fonds, planTargets, projects, stations } from "../../schema/db";
import type { FondsPlan, ProjectInfo, StationInfo } from "../../schema/wire";

export interface ProjectPlan {
  project: ProjectInfo;
  fonds: FondsPlan[];
  stations: StationInfo[];
}

export async function loadProjectPlan(d1: D1Database, projectId: string): Promise<ProjectPlan | null> {
  const db = drizzle(d1);
  const [projectRows, fondsRows, targetRows, stationRows] = await db.batch([
    db.select().from(projects).where(eq(projects.id, projectId)),
    db.select().from(fonds).where(eq(fonds.projectId, projectId)).orderBy(asc(fonds.position), asc(fonds.id)),
    db.select().from(planTargets).where(eq(planTargets.projectId, projectId)),
    db
      .select({ id: stations.id, name: stations.name })
      .from(stations)
      .where(and(eq(stations.projectId, projectId), isNull(stations.revokedAt)))
      .orderBy(asc(stations.name)),
  ]);
  const p = projectRows[0];
  if (!p) return null;
  const byId = new Map<number, FondsPlan>();
  const plan: FondsPlan[] = fondsRows.map((f) => {
    const entry: FondsPlan = { code: f.code, name: f.name, agency: f.agency, restricted: f.restricted, approved: {}, funded: {} };
    byId.set(f.id, entry);
    return entry;
  });
  for (const t of targetRows) {
    const f = byId.get(t.fondsId);
    if (!f) continue;
    f.approved[t.kind] = t.approved;
    f.funded[t.kind] = t.funded;
  }
  return {
    project: {
      id: p.id,
      provinceId: p.provinceId,
      name: p.name,
      legalBasis: p.legalBasis,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      timeZone: p.timeZone,
    },
    fonds: plan,
    stations: stationRows,
  };
}
