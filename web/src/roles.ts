// What the signed-in user may do on a project, from GET /api/v1/me's memberships. The server decides
// (worker/auth/policy.ts roleOn); this mirrors it only to hide buttons a user could not use.
export type Role = "leader" | "supervisor" | "admin";

export interface Membership {
  role: string;
  provinceId: string | null;
  projectId: string | null;
}

const RANK: Record<Role, number> = { leader: 1, supervisor: 2, admin: 3 };

function isRole(role: string): role is Role {
  return role in RANK;
}

/** The strongest role held on the project: everywhere, on its province, or on the project itself. */
export function roleOnProject(memberships: readonly Membership[], provinceId: string, projectId: string): Role | null {
  let best: Role | null = null;
  for (const m of memberships) {
    const applies = (!m.provinceId && !m.projectId) || (m.provinceId === provinceId && !m.projectId) || m.projectId === projectId;
    if (applies && isRole(m.role) && (best === null || RANK[m.role] > RANK[best])) best = m.role;
  }
  return best;
}

export function atLeast(role: Role | null, min: Role): boolean {
  return role !== null && RANK[role] >= RANK[min];
}

/** A system-wide administrator: may open provinces (worker/auth/policy.ts isSystemAdmin). */
export function isSystemAdmin(memberships: readonly Membership[]): boolean {
  return memberships.some((m) => m.role === "admin" && !m.provinceId && !m.projectId);
}

/** May set up the province's projects and people: an admin of the province, or of everything. */
export function adminsProvince(memberships: readonly Membership[], provinceId: string): boolean {
  return memberships.some((m) => m.role === "admin" && !m.projectId && (!m.provinceId || m.provinceId === provinceId));
}

/** A role on the whole province (or everywhere): its overview comes over the province's one feed
 * (worker/routes/province-live.ts), as the server's rule for that route says. */
export function watchesProvince(memberships: readonly Membership[], provinceId: string): boolean {
  return memberships.some((m) => isRole(m.role) && !m.projectId && (!m.provinceId || m.provinceId === provinceId));
}
