// A stored report as one audience may see it. Reports are immutable snapshots, so what a viewer may
// see is decided when one is served, not when it was made: a fonds restricted after the report was
// generated is hidden from it too. Pure.
import { parseReasonKey } from "../../schema/alert-scope";
import { totalsOf } from "../../schema/reports/table";
import { TOLERANCE } from "../../schema/status";
import { hiding, type Audience } from "../live/visibility";
import type { ReportContent } from "../../schema/reports/content";


export function reportForAudience(content: ReportContent, audience: Audience): ReportContent {
  if (audience.hidden.size === 0) return content;
  // Restricted when made or restricted now: hidden either way.
  const hidden = hiding([...audience.hidden, ...content.restricted]).hidden;
  const rows = content.table.rows.filter((r) => !hidden.has(r.code));
  const reasons = Object.fromEntries(
    Object.entries(content.reasons).filter(([key]) => {
      const s = parseReasonKey(key);
      return s.level !== "fonds" || !hidden.has(s.fonds);
    }),
  );
  return {
    ...content,
    table: { ...content.table, rows, totals: totalsOf(rows, content.table.kinds, content.table.tolerance ?? TOLERANCE) },
    restricted: [],
    reasons,
  };
}
