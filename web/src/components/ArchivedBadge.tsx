import { Show, type JSX } from "solid-js";
import { formatDate, t, tf } from "../i18n";

/** Đã lưu trữ: beside an archived project's name wherever it is listed. */
export function ArchivedBadge(props: { archivedAt: number | null | undefined }) {
  return (
    <Show when={props.archivedAt}>
      <span class="badge badge--archived">{t("archive.badge")}</span>
    </Show>
  );
}

/** At the top of a set-up page of an archived project: why its forms are disabled (the server refuses
 * their writes too, worker/auth/policy.ts). */
export function ArchivedNotice(props: { archivedAt: number | null | undefined }) {
  return (
    <Show when={props.archivedAt}>
      {(at) => (
        <p class="notice notice--warning archived-notice" role="status">
          {tf("archive.since", { day: formatDate(at()) })}
        </p>
      )}
    </Show>
  );
}

/** A set-up page's forms, read-only while the project is archived: the server refuses their writes too
 * (worker/auth/policy.ts). One fieldset disables every control inside it. */
export function FrozenWhenArchived(props: { archivedAt: number | null; children: JSX.Element }) {
  return (
    <fieldset class="admin__frozen" disabled={props.archivedAt !== null}>
      {props.children}
    </fieldset>
  );
}
