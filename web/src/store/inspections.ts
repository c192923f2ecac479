// Inspection results (đối soát), corrections and acceptances (nghiệm thu) of a project
// (worker/routes/inspections.ts). Everyone with a role reads; supervisors and administrators write.
import { createResource } from "solid-js";
import type { InferRequestType } from "hono/client";
import { apiClient, type Answer } from "../api";
import { valueOf } from "../resource";
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
export interface AcceptanceRow {
  fonds: string;
  name: string;
  kind: string;
  plan: number;
  reported: number;
  accepted: number;
  minutes: string;
  notYetAccepted: number;
}

const write = (call: () => Promise<Answer>): Promise<ActionResult> => action(call);

export function createInspectionStore(projectId: string, writeHeaders: () => Record<string, string>) {
  const api = () => apiClient().projects[":projectId"];
  const param = { projectId };
  const headers = () => ({ headers: writeHeaders() });
  const [verifications, vCtl] = createResource(() => getJson<{ rows: VerificationRow[] }>(() => api().verifications.$get({ param })).then((b) => b.rows));
  const [acceptance, aCtl] = createResource(() => getJson<{ rows: AcceptanceRow[] }>(() => api().acceptances.report.$get({ param })).then((b) => b.rows));
  const after = (refetch: () => unknown) => (r: ActionResult) => (r.ok && refetch(), r);
  return {
    verifications: () => valueOf(verifications),
    acceptance: () => valueOf(acceptance),
    error: () => (verifications.error ?? acceptance.error) as unknown,
    verify: (json: NewVerification) => write(() => api().verifications.$post({ param, json }, headers())).then(after(vCtl.refetch)),
    // A correction changes the reported figures: the acceptance table shows them.
    correct: (json: NewCorrection) => write(() => api().corrections.$post({ param, json }, headers())).then(after(aCtl.refetch)),
    accept: (json: NewAcceptance) => write(() => api().acceptances.$post({ param, json }, headers())).then(after(aCtl.refetch)),
  };
}
