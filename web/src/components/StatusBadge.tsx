import { t } from "../i18n";
import type { Status } from "../live/figures";

/** On schedule / behind / done, in words as well as colour (colour alone does not reach everyone). */
export function StatusBadge(props: { status: Status | null; large?: boolean }) {
  return (
    <span class={`status status--${props.status ?? "none"}`} classList={{ "status--large": props.large }}>
      {props.status ? t(`progress.${props.status}`) : t("progress.noPlan")}
    </span>
  );
}
