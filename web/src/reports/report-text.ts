// Pure helpers of the report and inspection pages: the report type in words, download addresses and
// reasons per fonds. Amounts people type are read by web/src/number-input.ts.
import { parseReasonKey } from "../../../schema/alert-scope";
import type { NumberFormat } from "../../../schema/numbers";

export type ReportType = "weekly" | "monthly" | "inspection" | "adhoc";

export function reportTypeKey(type: string): `reports.type.${ReportType}` {
  const known: readonly string[] = ["weekly", "monthly", "inspection", "adhoc"];
  return `reports.type.${(known.includes(type) ? type : "adhoc") as ReportType}`;
}

/** The CSV, XLSX or Word file of a report in the page's language (the worker sends it as an attachment). */
export function downloadPath(projectId: string, reportId: string, format: "csv" | "xlsx" | "docx", locale: NumberFormat): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/reports/${encodeURIComponent(reportId)}/${format}?locale=${locale}`;
}

export interface ReasonRow {
  scope: "project" | "fonds" | "station";
  /** The fonds code or station id; "" for the whole project. */
  id: string;
  /** The kind of work; "" for a station. */
  kind: string;
  /** Alert types that fired (behind_schedule, under_plan, silent_station), each once. */
  reasons: string[];
}

/** content.reasons ("project/kind", "code/kind" or "station/id" → alert types) as rows: the project
 * first, then fonds in table order, then stations. */
export function reasonRows(reasons: Readonly<Record<string, readonly string[]>>, fondsOrder: readonly string[]): ReasonRow[] {
  const rows = Object.entries(reasons)
    .filter(([, list]) => list.length > 0)
    .map(([key, list]): ReasonRow => {
      const unique = [...new Set(list)];
      const s = parseReasonKey(key);
      if (s.level === "station") return { scope: "station", id: s.station, kind: "", reasons: unique };
      if (s.level === "project") return { scope: "project", id: "", kind: s.kind, reasons: unique };
      return s.level === "fonds" ? { scope: "fonds", id: s.fonds, kind: s.kind, reasons: unique } : { scope: "fonds", id: s.text, kind: "", reasons: unique };
    });
  const rank = (r: ReasonRow) => (r.scope === "project" ? -1 : r.scope === "station" ? 1e9 : fondsOrder.includes(r.id) ? fondsOrder.indexOf(r.id) : fondsOrder.length);
  return rows.sort((a, b) => rank(a) - rank(b) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/** Today as yyyy-mm-dd for a date input's default, from a day the caller already knows. */
export function firstOfYear(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}
