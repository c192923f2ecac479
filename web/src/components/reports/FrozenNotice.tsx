import { Show } from "solid-js";
import { formatDateTime, t, tf } from "../../i18n";
import type { ActionResult } from "../../store/action";
import type { Report } from "../../store/reports";
import { CorrectionForm } from "./CorrectionForm";

/** A submitted version says so at the top: who submitted it and when, the department's receipt, its
 * correction; and, to those who sign, the way to change it (a correction, never an edit). */
export function FrozenNotice(props: { frozen: NonNullable<Report["frozen"]>; timeZone: string; correct?: (reason: string) => Promise<ActionResult> }) {
  const when = (at: number) => formatDateTime(at, props.timeZone);
  return (
    <div class="notice report__frozen" role="status">
      <p>{tf("reports.frozen", { by: props.frozen.submitted.by, at: when(props.frozen.submitted.at) })}</p>
      <Show when={props.frozen.received}>{(r) => <p>{tf("reports.frozenReceived", { by: r().by, at: when(r().at) })}</p>}</Show>
      <Show when={props.frozen.corrected}>{(c) => <p>{tf("reports.frozenCorrected", { by: c().by, at: when(c().at), reason: c().reason })}</p>}</Show>
      <Show when={props.correct}>
        {(correct) => (
          <>
            <p class="muted">{t("reports.correctHint")}</p>
            <CorrectionForm correct={correct()} />
          </>
        )}
      </Show>
    </div>
  );
}
