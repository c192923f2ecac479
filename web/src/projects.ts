// The province → project list for the picker (GET /api/v1/provinces, worker/routes/provinces.ts), and
// which project the page shows: `?project=<id>` in the address, so a link or a big screen opens one.
import { createResource, createSignal } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "./api";
import { valueOf } from "./resource";

type ProvincesResponse = InferResponseType<ReturnType<typeof apiClient>["provinces"]["$get"], 200>;
export type Province = ProvincesResponse["provinces"][number];
export type ProjectRef = Province["projects"][number];

/** Loaded for `signedIn` (a user id), again when another user signs in; none while signed out. */
export function createProjectList(signedIn: () => string | undefined) {
  const [provinces, { refetch }] = createResource(signedIn, async () => {
    const res = await apiClient().provinces.$get();
    if (!res.ok) throw new Error(`GET /api/v1/provinces: ${res.status}`);
    return (await res.json()).provinces;
  });
  return { provinces: () => valueOf(provinces), error: () => provinces.error as unknown, refetch };
}

/** The project named in the address, else the first one of the list. */
export function chooseProject(provinces: readonly Province[], requested: string | null): ProjectRef | undefined {
  const all = provinces.flatMap((p) => p.projects);
  return requested ? all.find((p) => p.id === requested) : all[0];
}

export function createProjectParam() {
  const [projectParam, setParam] = createSignal(new URLSearchParams(location.search).get("project"));
  const setProjectParam = (id: string) => {
    const url = new URL(location.href);
    url.searchParams.set("project", id);
    history.replaceState(null, "", url);
    setParam(id);
  };
  return { projectParam, setProjectParam };
}
