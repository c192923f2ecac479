import { Show } from "solid-js";
import { kindName, t } from "../i18n";
import type { KindFigures } from "../live/figures";
import { barText, done, forecastText, percent, signed, type Quantity } from "../format";
import { ProgressBar } from "./ProgressBar";
import { StatusBadge } from "./StatusBadge";

/** A project's headline for one kind of work: actual / target, the plan-to-date marker, whether it is
 * behind, the pace it runs at and the pace it needs, and when it finishes at the current pace. */
export function KindCard(props: { figures: KindFigures; quantity: Quantity }) {
  const f = () => props.figures;
  const q = (amount: number) => props.quantity(f().kind, amount);
  return (
    <article class={`kind kind--${f().status}`}>
      <header class="kind__head">
        <h3 class="kind__name">{kindName(f().kind)}</h3>
        <StatusBadge status={f().status} />
      </header>
      <p class="kind__figures">
        <strong class="kind__actual">{q(f().actual)}</strong>
        <span class="kind__plan">
          {" / "}
          {q(f().target)}
        </span>
      </p>
      <ProgressBar ratio={f().done} expected={f().expected} status={f().status} label={kindName(f().kind)} valueText={barText(f(), props.quantity)} />
      <p class="kind__percent">
        <strong>{done(f())}</strong> {t("totals.ofPlan")}
      </p>
      <dl class="facts">
        <div>
          <dt>{t("progress.planToDate")}</dt>
          <dd>
            {q(f().planToDate)} <span class="facts__soft">({percent(f().expected)})</span>
          </dd>
        </div>
        <div>
          <dt>{t("progress.variance")}</dt>
          <dd classList={{ "facts__bad": f().actual < f().planToDate && f().status !== "done" }}>{signed(props.quantity, f().kind, f().actual - f().planToDate)}</dd>
        </div>
        <div>
          <dt>{t("progress.rate")}</dt>
          <dd>{q(f().currentRate)}</dd>
        </div>
        <Show when={f().catchUpRate !== null}>
          <div>
            <dt>{t("progress.catchUp")}</dt>
            <dd>{q(Math.ceil(f().catchUpRate!))}</dd>
          </div>
        </Show>
        {/* Done: nothing to forecast, the badge says so. */}
        <Show when={f().status !== "done"}>
          <div>
            <dt>{t("progress.forecast")}</dt>
            <dd classList={{ "facts__bad": f().forecastLate || f().forecastDay === null }}>
              {forecastText(f())}
              <Show when={f().forecastLate}> ({t("progress.late")})</Show>
            </dd>
          </div>
        </Show>
      </dl>
      {/* Seed 001: the funded volume can be below the approved plan; the target is what was funded. */}
      <Show when={f().approved > 0 && f().approved !== f().target}>
        <p class="kind__funded">
          {t("totals.plan")}: {q(f().approved)} · {t("totals.funded")}: {q(f().target)}
        </p>
      </Show>
    </article>
  );
}
