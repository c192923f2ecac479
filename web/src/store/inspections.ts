// Inspection results (đối soát), corrections and acceptances (nghiệm thu) of a project
// (worker/routes/inspections.ts). Everyone with a role reads; supervisors and administrators write.
import { createResource } from "solid-js";
import type { InferRequestType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";
import type { AcceptanceReportRow } from "../../../schema/acceptance-report";
import { action, getJson, type ActionResult } from "./action";

type Routes = ReturnType<typeof apiClient>["projects"][":projectId"];
export type NewVerification = InferRequestType<Routes["verifications"]["$post"]>["json"];
export type NewCorrection = InferRequestType<Routes["corrections"]["$post"]>["json"];
export type NewAcceptance = InferRequestType<Routes["acceptances"]["$post"]>["json"];
export interface VerificationRow {
  inspectionDay: string;
  fondsCode: string;
  kind: string;
  reported: number;
  verified: number;
  difference: number;
  note: string;
  userName: string;
}
export type AcceptanceRow = AcceptanceReportRow;
export interface CorrectionRow {
  id: number;
  fondsCode: string;
  kind: string;
  delta: number;
  reason: string;
  userName: string | null;
  createdAt: number;
}

export function createInspectionStore(projectId: string, writeHeaders: () => Record<string, string>) {
  const api = () => apiClient().projects[":projectId"];
  const param = { projectId };
  const headers = () => ({ headers: writeHeaders() });
  const [verifications, vCtl] = createResource(() => getJson<{ rows: VerificationRow[] }>(() => api().verifications.$get({ param })).then((b) => b.rows));
  const [acceptance, aCtl] = createResource(() => getJson<{ rows: AcceptanceRow[] }>(() => api().acceptances.report.$get({ param })).then((b) => b.rows));
  const [corrections, cCtl] = createResource(() => getJson<{ corrections: CorrectionRow[] }>(() => api().corrections.$get({ param })).then((b) => b.corrections));
  return {
    verifications: () => valueOf(verifications),
    acceptance: () => valueOf(acceptance),
    corrections: () => valueOf(corrections),
    error: () => (verifications.error ?? acceptance.error ?? corrections.error) as unknown,
    /** What the software had counted by the end of `day`, per "fonds/kind" (the sheet's left column). */
    counted: (day: string) =>
      getJson<{ rows: { fonds: string; kind: string; counted: number }[] }>(() => api().counted.$get({ param, query: { day } })).then((b) => new Map(b.rows.map((r) => [`${r.fonds}/${r.kind}`, r.counted]))),
    verify: (json: NewVerification) => action(() => api().verifications.$post({ param, json }, headers()), vCtl.refetch),
    // A correction changes the reported figures: the acceptance table shows them.
    correct: (json: NewCorrection) => action(() => api().corrections.$post({ param, json }, headers()), () => (aCtl.refetch(), cCtl.refetch())),
    /** `overCount`: refused because the total accepted would pass the counted volume (an override reason is needed). */
    accept: async (json: NewAcceptance): Promise<ActionResult & { overCount?: boolean }> => {
      const r = await action(() => api().acceptances.$post({ param, json }, headers()), aCtl.refetch);
      return r.ok ? r : { ...r, overCount: r.status === 409 };
    },
  };
}
