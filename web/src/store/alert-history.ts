// The alert history of a project, filtered (worker/routes/alert-history.ts): leaders and up may read it.
import { createResource, createSignal } from "solid-js";
import { apiClient } from "../api";
import type { HistoryEntry } from "../live/history-text";
import { valueOf } from "../resource";
import { getJson } from "./action";

export interface HistoryFilter {
  ruleId?: string;
  scope?: string;
  state?: "pending" | "firing" | "resolved" | "normal" | "nodata";
  from?: number;
  to?: number;
}

export function createAlertHistory(projectId: string, initial: HistoryFilter) {
  const [filter, setFilter] = createSignal<HistoryFilter>(initial);
  const [entries, ctl] = createResource(filter, (f) => {
    const query = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
    return getJson<{ entries: HistoryEntry[] }>(() => apiClient().projects[":projectId"].alerts.history.$get({ param: { projectId }, query })).then((b) => b.entries);
  });
  return { filter, setFilter, entries: () => valueOf(entries), error: () => entries.error as unknown, refetch: () => void ctl.refetch() };
}
