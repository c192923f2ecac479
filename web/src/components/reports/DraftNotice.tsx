import { Show } from "solid-js";
import { formatDateTime, t, tf } from "../../i18n";
import type { NotesDraft } from "./notes-draft";

/** Someone else saved a field this user is editing: say who and when, offer their text. */
export function HeldNotice(props: { draft: NotesDraft; timeZone: string }) {
  return (
    <Show when={props.draft.held()}>
      {(h) => (
        <p class="notice draft-notice" role="status">
          {tf("reports.savedByOther", { by: h().by, at: formatDateTime(h().at, props.timeZone) })}{" "}
          <button type="button" class="button button--quiet" onClick={() => props.draft.loadTheirs()}>
            {t("reports.loadTheirs")}
          </button>
        </p>
      )}
    </Show>
  );
}

/** After a refused save: the other's text of this field under the user's own, to merge by hand. */
export function TheirVersion(props: { draft: NotesDraft; field: string; by: string }) {
  return (
    <Show when={props.draft.theirs()[props.field] !== undefined}>
      <div class="their-version" data-field={props.field}>
        <p class="their-version__label">{tf("reports.theirVersion", { by: props.by })}</p>
        <p class="report__text their-version__text">{props.draft.theirs()[props.field]}</p>
        <p class="empty">{t("reports.mergeHint")}</p>
      </div>
    </Show>
  );
}
