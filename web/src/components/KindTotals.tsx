import { For, Show } from "solid-js";
import { formatPercent } from "../../../schema/numbers";
import { kindName, locale, t } from "../i18n";
import { ratio } from "../live/selectors";
import { ProgressBar } from "./ProgressBar";

/** Headline per kind of work with a plan: actual / plan, percent, bar. */
export function KindTotals(props: {
  kinds: readonly string[];
  actual: ReadonlyMap<string, number>;
  approved: ReadonlyMap<string, number>;
  funded: ReadonlyMap<string, number>;
  quantity: (kind: string, amount: number) => string;
}) {
  return (
    <section class="totals" aria-labelledby="totals-title">
      <h2 id="totals-title" class="section-title">
        {t("totals.title")}
      </h2>
      <Show when={props.kinds.length > 0} fallback={<p class="empty">{t("totals.noPlan")}</p>}>
        <div class="totals__grid">
          <For each={props.kinds}>
            {(kind) => {
              const actual = () => props.actual.get(kind) ?? 0;
              const plan = () => props.approved.get(kind) ?? 0;
              const funded = () => props.funded.get(kind) ?? 0;
              const done = () => ratio(actual(), plan());
              return (
                <article class="kind">
                  <h3 class="kind__name">{kindName(kind)}</h3>
                  <p class="kind__figures">
                    <strong class="kind__actual">{props.quantity(kind, actual())}</strong>
                    <span class="kind__plan">
                      {" / "}
                      {props.quantity(kind, plan())}
                    </span>
                  </p>
                  <ProgressBar ratio={done()} label={kindName(kind)} />
                  <p class="kind__percent">
                    <strong>{formatPercent(done(), locale())}</strong> {t("totals.ofPlan")}
                  </p>
                  {/* Seed 001: the funded volume can be below the approved plan. */}
                  <Show when={funded() > 0 && funded() !== plan()}>
                    <p class="kind__funded">
                      {t("totals.funded")}: {props.quantity(kind, funded())}
                    </p>
                  </Show>
                </article>
              );
            }}
          </For>
        </div>
      </Show>
    </section>
  );
}
