import { For, Show } from "solid-js";
import { formatPercent } from "../../../schema/numbers";
import type { FondsPlan } from "../../../schema/wire";
import { kindName, locale, t } from "../i18n";
import { fondsKindKey } from "../live/apply";
import { ratio } from "../live/selectors";
import { ProgressBar } from "./ProgressBar";

/** One row per fonds (phông), one column per planned kind: actual / plan with a thin bar. */
export function FondsTable(props: {
  fonds: readonly FondsPlan[];
  kinds: readonly string[];
  totals: ReadonlyMap<string, number>;
  quantity: (kind: string, amount: number) => string;
}) {
  return (
    <section class="fonds" aria-labelledby="fonds-title">
      <h2 id="fonds-title" class="section-title">
        {t("fonds.title")}
      </h2>
      <div class="fonds__scroll">
        <table class="fonds__table">
          <thead>
            <tr>
              <th scope="col">{t("fonds.name")}</th>
              <For each={props.kinds}>{(kind) => <th scope="col">{kindName(kind)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.fonds}>
              {(f) => (
                <tr>
                  <th scope="row">
                    <span class="fonds__code">{f.code}</span> {f.name}
                    <Show when={f.restricted}>
                      {" "}
                      <span class="tag">{t("fonds.restricted")}</span>
                    </Show>
                  </th>
                  <For each={props.kinds}>
                    {(kind) => {
                      const actual = () => props.totals.get(fondsKindKey(f.code, kind)) ?? 0;
                      const plan = () => f.approved[kind] ?? 0;
                      const done = () => ratio(actual(), plan());
                      return (
                        <td title={formatPercent(done(), locale())}>
                          <Show
                            when={plan() > 0}
                            fallback={
                              <Show when={actual() > 0} fallback={<span class="fonds__none" title={t("fonds.noPlan")}>—</span>}>
                                <span class="fonds__actual">{props.quantity(kind, actual())}</span>
                                <span class="fonds__plan"> · {t("fonds.noPlan")}</span>
                              </Show>
                            }
                          >
                            <span class="fonds__actual">{props.quantity(kind, actual())}</span>
                            <span class="fonds__plan"> / {props.quantity(kind, plan())}</span>
                            <ProgressBar ratio={done()} label={`${f.name}: ${kindName(kind)}`} thin />
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
