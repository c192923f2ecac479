// The alert history of a project, filtered (worker/routes/alert-history.ts): leaders and up may read it.
import { createResource, createSignal } from "solid-js";
import { apiClient } from "../api";
import type { HistoryEntry } from "../../../schema/api-alerts";
import { valueOf } from "../resource";
import { getJson } from "./action";

export interface HistoryFilter {
  ruleId?: string;
  scope?: string;
  state?: "pending" | "firing" | "resolved" | "normal" | "nodata";
  /** Who acknowledged, silenced or unsilenced. */
  by?: string;
  from?: number;
  to?: number;
}

export function createAlertHistory(projectId: string, initial: HistoryFilter) {
  const [filter, setFilter] = createSignal<HistoryFilter>(initial);
  const [timeline, ctl] = createResource(filter, (f) => {
    const query = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
    return getJson<{ entries: HistoryEntry[]; people: string[] }>(() => apiClient().projects[":projectId"].alerts.history.$get({ param: { projectId }, query }));
  });
  return {
    filter,
    setFilter,
    entries: () => valueOf(timeline)?.entries,
    /** Everyone who has acted on the project's alerts: the "who" filter's choices. */
    people: () => valueOf(timeline)?.people ?? [],
    error: () => timeline.error as unknown,
    refetch: () => void ctl.refetch(),
  };
}
