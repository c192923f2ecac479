// A project's reports (worker/routes/reports.ts): the list, an ad-hoc request, one report with the
// centre's notes. Leaders read and request; supervisors and administrators also write the notes.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import type { ReportContent } from "../../../schema/reports/content";
import { apiClient, errorMessage, type Answer } from "../api";
import { valueOf } from "../resource";
import type { ActionResult } from "./alerts";

type Routes = ReturnType<typeof apiClient>["projects"][":projectId"]["reports"];
export type ReportMeta = InferResponseType<Routes["$get"], 200>["reports"][number];
export interface ReportNotes {
  difficulties: string;
  proposals: string;
  updatedBy: string;
  updatedAt: number;
}
export interface Report {
  meta: ReportMeta;
  content: ReportContent;
  notes: ReportNotes | null;
}

export async function getJson<T>(call: () => Promise<Answer>): Promise<T> {
  const res = await call();
  if (!res.ok) throw new Error(await errorMessage(res));
  return (await res.json()) as T;
}

export function createReportList(projectId: string, writeHeaders: () => Record<string, string>) {
  const api = () => apiClient().projects[":projectId"].reports;
  const param = { projectId };
  const [list, ctl] = createResource(() => getJson<{ reports: ReportMeta[] }>(() => api().$get({ param })).then((b) => b.reports));
  return {
    reports: () => valueOf(list),
    error: () => list.error as unknown,
    /** Generates an ad-hoc report; its id on success. */
    request: async (from: string, to: string): Promise<ActionResult & { id?: string }> => {
      try {
        const res = await api().$post({ param, json: { from, to } }, { headers: writeHeaders() });
        if (!res.ok) return { ok: false, message: await errorMessage(res) };
        const body = (await res.json()) as { id: string };
        void ctl.refetch();
        return { ok: true, id: body.id };
      } catch {
        return { ok: false, message: "" };
      }
    },
  };
}

export function createReportStore(projectId: string, reportId: string, writeHeaders: () => Record<string, string>) {
  const api = () => apiClient().projects[":projectId"].reports[":reportId"];
  const param = { projectId, reportId };
  const [report, ctl] = createResource(() => getJson<Report>(() => api().$get({ param })));
  return {
    report: () => valueOf(report),
    error: () => report.error as unknown,
    saveNotes: async (json: { difficulties: string; proposals: string }): Promise<ActionResult> => {
      try {
        const res = await api().notes.$put({ param, json }, { headers: writeHeaders() });
        if (!res.ok) return { ok: false, message: await errorMessage(res) };
        const notes = (await res.json()) as ReportNotes;
        ctl.mutate((r) => (r ? { ...r, notes } : r));
        return { ok: true };
      } catch {
        return { ok: false, message: "" };
      }
    },
  };
}
