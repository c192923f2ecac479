// A project's reports (worker/routes/reports.ts): the list, an ad-hoc request, one report with the
// centre's notes. Leaders read and request; supervisors and administrators also write the notes.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import type { ReportContent } from "../../../schema/reports/content";
import type { DocumentSettings } from "../../../schema/reports/document-settings";
import type { NotesBase, NotesEdit } from "../../../schema/reports/notes-merge";
import { apiClient } from "../api";
import { valueOf } from "../resource";
import { action, getJson, type ActionResult } from "./action";

type Routes = ReturnType<typeof apiClient>["projects"][":projectId"]["reports"];
export type ReportMeta = InferResponseType<Routes["$get"], 200>["reports"][number];
export interface ReportNotes {
  difficulties: string;
  proposals: string;
  /** The centre's reason per "code/kind" behind plan. */
  reasons: Record<string, string>;
  updatedBy: string;
  updatedAt: number;
}
export type NotesSaveResult = { ok: true; notes: ReportNotes } | { ok: false; message: string; current?: ReportNotes; conflicts?: string[] };

export interface Report {
  meta: ReportMeta;
  content: ReportContent;
  notes: ReportNotes | null;
  /** Who issues the official document (schema/reports/document-settings.ts); defaults until saved. */
  document: { settings: DocumentSettings; saved: { by: string; at: number } | null };
  /** Set once this version is submitted: then it, its notes and its document settings never change. */
  frozen: {
    submitted: { by: string; at: number };
    received: { by: string; at: number } | null;
    corrected: { by: string; at: number; reason: string } | null;
  } | null;
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
      const r = await action<{ id: string }>(() => api().$post({ param, json: { from, to } }, { headers: writeHeaders() }), () => void ctl.refetch());
      return r.ok ? { ok: true, id: r.body?.id } : r;
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
    /** A save of the notes (web/src/reports/draft.ts builds the body); a refusal because someone saved
     * in between carries their notes and the fields that clash. The caller puts the answer in. */
    saveNotes: async (json: NotesEdit & { base: NotesBase }): Promise<NotesSaveResult> => {
      try {
        const res = await api().notes.$put({ param, json }, { headers: writeHeaders() });
        const body = (await res.json().catch(() => null)) as unknown;
        if (res.ok) return { ok: true, notes: body as ReportNotes };
        const error = (body as { error?: { message?: string; details?: { current?: ReportNotes; conflicts?: string[] } } } | null)?.error;
        return { ok: false, message: error?.message ?? `HTTP ${res.status}`, current: error?.details?.current, conflicts: error?.details?.conflicts };
      } catch {
        return { ok: false, message: "" };
      }
    },
    /** Notes saved here or by someone else (the live feed's "report-notes"). */
    setNotes: (notes: ReportNotes) => ctl.mutate((x) => (x ? { ...x, notes } : x)),
    refetch: () => void ctl.refetch(),
    /** Corrects this submitted version; the new version's id on success. */
    correct: async (reason: string): Promise<ActionResult & { id?: string }> => {
      const r = await action<{ id: string }>(() => api().correction.$post({ param, json: { reason } }, { headers: writeHeaders() }));
      return r.ok ? { ok: true, id: r.body?.id } : r;
    },
    /** Saves the settings over the version this page holds; a refusal says who saved in between. */
    saveDocument: async (settings: DocumentSettings): Promise<ActionResult> => {
      const json = { ...settings, base: valueOf(report)?.document.saved?.at ?? null };
      const r = await action<Report["document"]>(() => apiClient().projects[":projectId"]["report-document"].$put({ param: { projectId }, json }, { headers: writeHeaders() }));
      if (r.ok && r.body) {
        const document = r.body;
        ctl.mutate((x) => (x ? { ...x, document } : x));
      }
      return r.ok ? { ok: true } : r;
    },
  };
}
