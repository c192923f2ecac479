// What a leader must see at a glance for every unit of a province (seeds 003, 004): not started, reports
// overdue, stations silent. From GET /provinces/:id/overview, refreshed each minute; the live figures
// themselves come from each project's feed.
import { createResource, onCleanup } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";

type Overview = InferResponseType<ReturnType<typeof apiClient>["provinces"][":provinceId"]["overview"]["$get"], 200>;
export type Attention = Pick<Overview["projects"][number], "notStarted" | "reportsOverdue" | "silentStations" | "stations">;

const REFRESH_MS = 60_000;

/** projectId → its attention flags; empty when the caller has no province view (a project-level leader). */
export function createAttention(provinceId: string) {
  const [overview, { refetch }] = createResource(async () => {
    const res = await apiClient().provinces[":provinceId"].overview.$get({ param: { provinceId } });
    if (!res.ok) return new Map<string, Attention>();
    const body = (await res.json()) as Overview;
    return new Map(body.projects.map((p) => [p.projectId, p]));
  });
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  const attention = (projectId: string): Attention | undefined => valueOf(overview)?.get(projectId);
  /** Answered (or failed): a card shows its content with the flags in one go, so nothing jumps. */
  attention.ready = () => overview.state === "ready" || overview.state === "refreshing" || overview.state === "errored";
  return attention;
}
