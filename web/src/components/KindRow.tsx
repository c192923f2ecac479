import { Show } from "solid-js";
import { kindName, t } from "../i18n";
import type { CardKind } from "../../../schema/project-card";
import { barText, done, forecastText, percent, type Quantity } from "../format";
import { ProgressBar } from "./ProgressBar";

/** One kind in a province overview card: compact, the same figures as the project page's KindCard. */
export function KindRow(props: { figures: CardKind; quantity: Quantity }) {
  const f = () => props.figures;
  const q = (amount: number) => props.quantity(f().kind, amount);
  return (
    <li class={`krow krow--${f().status}`}>
      <div class="krow__line">
        <span class="krow__name">{kindName(f().kind)}</span>
        <span class="krow__figures">
          <strong>{q(f().actual)}</strong> / {q(f().target)} · <strong>{done(f())}</strong>
        </span>
      </div>
      <ProgressBar ratio={f().done} expected={f().expected} status={f().status} label={kindName(f().kind)} valueText={barText(f(), props.quantity)} />
      <p class="krow__note">
        {t("progress.planToDate")}: {percent(f().expected)}
        <Show when={f().status !== "done"}>
          {" · "}
          {t("progress.forecast")}: <span classList={{ "facts__bad": f().forecastLate || f().forecastDay === null }}>{forecastText(f())}</span>
        </Show>
      </p>
    </li>
  );
}
