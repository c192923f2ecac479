// The reporting calendar (worker/routes/filings.ts): what the project owes, writing missing reports,
// and the centre's and the department's sign-offs.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient, errorMessage, type Answer } from "../api";
import { valueOf } from "../resource";
import type { ActionResult } from "./alerts";
import { getJson } from "./reports";

type Client = ReturnType<typeof apiClient>["projects"][":projectId"];
export type ReportingCalendar = InferResponseType<Client["reporting-calendar"]["$get"], 200>;
export type CalendarItem = ReportingCalendar["items"][number];

async function act(call: () => Promise<Answer>, after: () => void): Promise<ActionResult & { body?: unknown }> {
  try {
    const res = await call();
    if (!res.ok) return { ok: false, message: await errorMessage(res) };
    after();
    return { ok: true, body: await res.json() };
  } catch {
    return { ok: false, message: "" };
  }
}

export function createReportingCalendar(projectId: string, writeHeaders: () => Record<string, string>) {
  const project = () => apiClient().projects[":projectId"];
  const param = { projectId };
  const [calendar, ctl] = createResource(() => getJson<ReportingCalendar>(() => project()["reporting-calendar"].$get({ param })));
  const refetch = () => void ctl.refetch();
  const headers = () => ({ headers: writeHeaders() });
  return {
    calendar: () => valueOf(calendar),
    error: () => calendar.error as unknown,
    catchUp: () => act(() => project().reports["catch-up"].$post({ param }, headers()), refetch),
    write: (type: CalendarItem["type"], due: string) => act(() => project().reports.$post({ param, json: { type, due } }, headers()), refetch),
    submit: (reportId: string) => act(() => project().reports[":reportId"].submit.$post({ param: { projectId, reportId } }, headers()), refetch),
    receive: (reportId: string) => act(() => project().reports[":reportId"].receive.$post({ param: { projectId, reportId } }, headers()), refetch),
  };
}
