import { For, Show, createMemo } from "solid-js";
import { WORK_KINDS } from "../../../schema/kinds";
import { formatQuantity } from "../../../schema/numbers";
import { formatDay, kindName, locale, t } from "../i18n";
import { totalsForDay } from "./entries";
import type { EntryStore } from "./entry-store";

/** The operator's own totals today: what the server has counted, and what is still on its way. */
export function TodayTotals(props: { store: EntryStore }) {
  const totals = createMemo(() => {
    const v = props.store.view();
    return v ? totalsForDay(v.today, props.store.entries(), v.day) : null;
  });
  const kinds = () => WORK_KINDS.filter((k) => (totals()?.confirmed.get(k.key) ?? 0) > 0 || (totals()?.pending.get(k.key) ?? 0) > 0);
  return (
    <section class="panel" aria-labelledby="today-title">
      <h2 id="today-title" class="section-title">
        {t("entry.today")} <Show when={props.store.view()}>{(v) => <span class="count">{formatDay(v().day)}</span>}</Show>
      </h2>
      <Show when={kinds().length > 0} fallback={<p class="empty">{t("entry.nothingToday")}</p>}>
        <table class="grid-table today">
          <thead>
            <tr>
              <th scope="col">{t("station.kind")}</th>
              <th scope="col">{t("entry.confirmed")}</th>
              <th scope="col">{t("entry.waiting")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={kinds()}>
              {(k) => (
                <tr data-kind={k.key}>
                  <th scope="row">{kindName(k.key)}</th>
                  <td class="today__confirmed">{formatQuantity(totals()!.confirmed.get(k.key) ?? 0, k.decimals, locale())}</td>
                  <td class="today__waiting">{formatQuantity(totals()!.pending.get(k.key) ?? 0, k.decimals, locale())}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
