// A report page on the project's live feed: it tells the others which report it shows (presence), names
// who else is on it, and takes in the notes others save for its period (schema/wire.ts "report-notes").
import { createEffect, createMemo, onCleanup } from "solid-js";
import type { ProjectModel } from "./project";
import type { createReportStore } from "./reports";

export function followReport(m: ProjectModel, store: ReturnType<typeof createReportStore>, reportId: string, me: () => string | undefined) {
  m.live.viewing(reportId);
  onCleanup(() => m.live.viewing(null));

  createEffect(() => {
    const msg = m.state().reportNotes;
    const r = store.report();
    if (!msg || !r || msg.period.type !== r.meta.type || msg.period.from !== r.meta.from || msg.period.to !== r.meta.to) return;
    // Our own save came back by its answer already; an older message changes nothing.
    if (r.notes && msg.updatedAt <= r.notes.updatedAt) return;
    if (msg.notes) store.setNotes(msg.notes);
    else store.refetch();
  });

  /** Names of the others on this report, each person once however many screens they use. */
  return createMemo(() => {
    const names = new Map<string, string>();
    for (const v of m.state().viewers) if (v.reportId === reportId && v.id !== me()) names.set(v.id, v.name);
    return [...names.values()];
  });
}
