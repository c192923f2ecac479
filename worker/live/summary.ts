// A project's headline figures per work kind, for the province overview (leadership). Pure.
import type { Snapshot } from "../../schema/wire";

export interface KindSummary {
  actual: number;
  approved: number;
  funded: number;
}

export interface ProjectSummary {
  projectId: string;
  name: string;
  seq: number;
  lastActivityAt: number | null;
  kinds: Record<string, KindSummary>;
}

export function summarize(snap: Snapshot): ProjectSummary {
  const kinds: Record<string, KindSummary> = {};
  const entry = (kind: string) => (kinds[kind] ??= { actual: 0, approved: 0, funded: 0 });
  for (const f of snap.fonds) {
    for (const [kind, amount] of Object.entries(f.approved)) entry(kind).approved += amount;
    for (const [kind, amount] of Object.entries(f.funded)) entry(kind).funded += amount;
  }
  for (const t of snap.totals) entry(t.kind).actual += t.amount;
  return { projectId: snap.project.id, name: snap.project.name, seq: snap.seq, lastActivityAt: snap.lastActivityAt, kinds };
}
