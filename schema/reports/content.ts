// A stored report's content: what the worker builds (worker/reports/generate.ts) and stores as an
// immutable snapshot, and what the dashboard renders. Shared here so the web imports nothing from worker/.
import type { ReportPeriod } from "./schedule";
import type { ReportTable } from "./table";

export interface ReportContent {
  project: { id: string; name: string; legalBasis: string; provinceId: string };
  type: ReportPeriod["type"];
  from: string;
  to: string;
  generatedAt: number;
  kinds: { key: string; decimals: number }[];
  table: ReportTable;
  /** Fonds codes that were restricted when the report was made (the server hides today's too). */
  restricted: string[];
  /** Stations that posted nothing in the period (seeds 003, 004: lateness is shown, not hidden). */
  silentStations: { id: string; name: string }[];
  /** Per "fonds/kind" (or "project/kind"): alert rules that fired in the period, as reasons. */
  reasons: Record<string, string[]>;
}
