import { Show } from "solid-js";
import { DailyChart, type DailySeries } from "../charts/DailyChart";
import type { Quantity } from "../format";
import { t } from "../i18n";
import { KindPicker } from "./KindPicker";

/** Output per day for one chosen kind: the project's station panel and the station page both show it. */
export function DailyOutput(props: {
  kinds: readonly string[];
  kind: string | undefined;
  onKind: (kind: string) => void;
  days: readonly string[];
  series: readonly DailySeries[];
  quantity: Quantity;
}) {
  return (
    <Show when={props.kind}>
      {(kind) => (
        <>
          <div class="section-head">
            <h3 class="section-subtitle">{t("chart.daily")}</h3>
            <KindPicker kinds={props.kinds} value={kind()} onChange={props.onKind} />
          </div>
          <DailyChart kind={kind()} days={props.days} series={props.series} quantity={props.quantity} />
        </>
      )}
    </Show>
  );
}
