import { Show } from "solid-js";
import { t } from "../i18n";

/** Đã lưu trữ: beside an archived project's name wherever it is listed. */
export function ArchivedBadge(props: { archivedAt: number | null | undefined }) {
  return (
    <Show when={props.archivedAt}>
      <span class="badge badge--archived">{t("archive.badge")}</span>
    </Show>
  );
}
