// Each project's working calendar (GET /api/v1/projects/:id/calendar): the plan-to-date marker, the
// burn-up plan curve and the forecast run on working days, as the alert engine's do.
import { createRoot, createSignal, type Accessor } from "solid-js";
import { DEFAULT_CALENDAR, type WorkCalendar } from "../../../schema/calendar";
import { VN_MAKEUP_SATURDAYS } from "../../../schema/holidays";
import { apiClient } from "../api";

/** Holidays and the official make-up Saturdays: the base worker/alerts/config.ts builds on. */
export const BASE_CALENDAR: WorkCalendar = { ...DEFAULT_CALENDAR, workingSaturdays: VN_MAKEUP_SATURDAYS };

/** A project's own days added to the base, as worker/alerts/config.ts does. */
export function projectCalendar(own: { holidays: readonly string[]; workingSaturdays: readonly string[] } | null): WorkCalendar {
  if (!own) return BASE_CALENDAR;
  return { holidays: [...BASE_CALENDAR.holidays, ...own.holidays], workingSaturdays: [...BASE_CALENDAR.workingSaturdays, ...own.workingSaturdays] };
}

const RETRY_MS = 30_000;

export function createCalendars() {
  const cache = new Map<string, { calendar: Accessor<WorkCalendar>; load: () => void }>();

  function entry(projectId: string) {
    let e = cache.get(projectId);
    if (e) return e;
    e = createRoot(() => {
      // The base calendar until the project's arrives: figures are right on all but its own days.
      const [calendar, setCalendar] = createSignal<WorkCalendar>(BASE_CALENDAR);
      const load = async (): Promise<void> => {
        try {
          const res = await apiClient().projects[":projectId"].calendar.$get({ param: { projectId } });
          if (res.ok) return void setCalendar(projectCalendar(await res.json()));
          if (res.status < 500) return; // not allowed or no such project: the base calendar it is
        } catch {
          // offline: the base calendar stands meanwhile
        }
        setTimeout(() => void load(), RETRY_MS);
      };
      void load();
      return { calendar, load: () => void load() };
    });
    cache.set(projectId, e);
    return e;
  }

  return {
    calendar: (projectId: string): Accessor<WorkCalendar> => entry(projectId).calendar,
    /** The plan changed (a `plan` message follows an admin's calendar edit too): read it again. */
    reload: (projectId: string): void => cache.get(projectId)?.load(),
  };
}

export type Calendars = ReturnType<typeof createCalendars>;
