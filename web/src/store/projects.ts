// The provinces and projects the signed-in user (or the wall's display) may see (GET /api/v1/provinces,
// worker/routes/provinces.ts; GET /api/v1/display):
// the province overview, the wall's rotation and the breadcrumbs read from it.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";

type ProvincesResponse = InferResponseType<ReturnType<typeof apiClient>["provinces"]["$get"], 200>;
type ListedProject = ProvincesResponse["provinces"][number]["projects"][number];
/** `archivedAt` only from GET /provinces: a wall's own list (GET /display) does not say it. */
export type ProjectRef = Omit<ListedProject, "archivedAt"> & { archivedAt?: number | null };
export type Province = Omit<ProvincesResponse["provinces"][number], "projects"> & { projects: ProjectRef[] };

/** Loaded for `signedIn` (a user id), again when another user signs in; none while signed out. */
/** `shown`: a wall screen's own projects (store/display.ts), which replace the signed-in user's. */
export function createProjectList(signedIn: () => string | undefined, shown: () => Province[] | undefined = () => undefined) {
  const [provinces, { refetch }] = createResource(signedIn, async () => {
    const res = await apiClient().provinces.$get();
    if (!res.ok) throw new Error(`GET /api/v1/provinces: ${res.status}`);
    return (await res.json()).provinces;
  });
  const list = () => shown() ?? valueOf(provinces);
  return {
    provinces: list,
    /** Every visible project, province by province. */
    projects: () => (list() ?? []).flatMap((p) => p.projects),
    find: (projectId: string) => (list() ?? []).flatMap((p) => p.projects).find((j) => j.id === projectId),
    provinceOf: (projectId: string) => (list() ?? []).find((p) => p.projects.some((j) => j.id === projectId)),
    error: () => provinces.error as unknown,
    refetch,
  };
}
