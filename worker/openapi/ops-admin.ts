// Documentation of worker/routes/archive.ts and the system administrator's audit log (audit.ts), with
// the schemas their validators use.
import { ArchiveSchema, AuditQuery, ProjectIdParam } from "../../schema/api";
import type { Documented } from "./operation";
import * as R from "./responses";

export const ADMIN_OPERATIONS: Record<string, Documented> = {
  "POST /api/v1/projects/:projectId/archive": {
    operationId: "archiveProject",
    tag: "projects",
    summary: "Archive a finished project (lưu trữ): read-only from now on, still read and reported",
    description:
      "Every later write to the project (plan, fonds, stations, counters, calendar, alert rules, reports' notes, inspections) is refused with 409 `archived`; its reports are still made and filed, and roles and wall-screen codes on it are still managed.",
    params: ProjectIdParam,
    body: ArchiveSchema,
    ok: { description: "Archived", schema: R.ProjectArchive },
    errors: { 409: "Already archived (`code` \"archived\")" },
  },
  "POST /api/v1/projects/:projectId/unarchive": {
    operationId: "unarchiveProject",
    tag: "projects",
    summary: "Bring an archived project back (an admin of its province, or a system admin)",
    params: ProjectIdParam,
    body: ArchiveSchema,
    ok: { description: "No longer archived", schema: R.ProjectArchive },
    errors: { 409: "The project is not archived" },
  },
  "GET /api/v1/audit": {
    operationId: "getAudit",
    tag: "audit",
    summary: "The whole audit log, newest first, 100 entries a page (system administrators)",
    description: "Entries of every province, and those of none: system-wide roles, and accounts of people who work for several provinces.",
    query: AuditQuery,
    ok: { description: "A page of entries", schema: R.Audit },
  },
};
