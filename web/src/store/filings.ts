// The reporting calendar (worker/routes/filings.ts): what the project owes, writing missing reports,
// the centre's and the department's sign-offs, and corrections of a submitted report.
import { createResource } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../api";
import { valueOf } from "../resource";
import { action as act, getJson } from "./action";

type Client = ReturnType<typeof apiClient>["projects"][":projectId"];
export type ReportingCalendar = InferResponseType<Client["reporting-calendar"]["$get"], 200>;
export type CalendarItem = ReportingCalendar["items"][number];

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
    correct: (reportId: string, reason: string) => act(() => project().reports[":reportId"].correction.$post({ param: { projectId, reportId }, json: { reason } }, headers()), refetch),
  };
}

export type ReportingCalendarStore = ReturnType<typeof createReportingCalendar>;
