import { For, Show, createSignal } from "solid-js";
import type { FondsPlan } from "../../../../schema/wire";
import { formatQuantity } from "../../../../schema/numbers";
import { kindDecimals } from "../../../../schema/kinds";
import { kindName, locale, t } from "../../i18n";
import { FondsForm } from "./FondsForm";

/** The plan as stored: approved and funded targets side by side per fonds (seed 001: funding can be below
 * the approved plan), and each fonds' name, agency and restricted flag. */
export function PlanTargets(props: { projectId: string; fonds: readonly FondsPlan[]; kinds: readonly string[]; headers: () => Record<string, string> }) {
  const [editing, setEditing] = createSignal<string | null>(null);
  const q = (kind: string, amount: number | undefined) => (amount ? formatQuantity(amount, kindDecimals(kind) ?? 0, locale()) : "");
  return (
    <div class="table-scroll">
      <table class="grid-table plan-targets">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("plan.code")}
            </th>
            <th scope="col" rowSpan={2}>
              {t("plan.fondsName")}
            </th>
            <For each={props.kinds}>
              {(k) => (
                <th scope="colgroup" colSpan={2} class="num">
                  {kindName(k)}
                </th>
              )}
            </For>
            <th scope="col" rowSpan={2}>
              <span class="visually-hidden">{t("plan.edit")}</span>
            </th>
          </tr>
          <tr>
            <For each={props.kinds}>
              {() => (
                <>
                  <th scope="col" class="num">
                    {t("plan.approved")}
                  </th>
                  <th scope="col" class="num">
                    {t("plan.funded")}
                  </th>
                </>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.fonds}>
            {(f) => (
              <>
                <tr>
                  <td>{f.code}</td>
                  <th scope="row">
                    {f.name}
                    <Show when={f.agency}>
                      <small class="plan-targets__agency">{f.agency}</small>
                    </Show>
                    <Show when={f.restricted}>
                      <span class="badge badge--restricted">{t("plan.restricted")}</span>
                    </Show>
                  </th>
                  <For each={props.kinds}>
                    {(k) => (
                      <>
                        <td class="num">{q(k, f.approved[k])}</td>
                        <td class="num" classList={{ "plan-targets__below": !!f.funded[k] && f.funded[k]! < (f.approved[k] ?? 0) }}>
                          {q(k, f.funded[k])}
                        </td>
                      </>
                    )}
                  </For>
                  <td>
                    <button type="button" class="button button--small button--quiet" aria-expanded={editing() === f.code} onClick={() => setEditing(editing() === f.code ? null : f.code)}>
                      {t("plan.edit")}
                    </button>
                  </td>
                </tr>
                <Show when={editing() === f.code}>
                  <tr>
                    <td colSpan={3 + props.kinds.length * 2}>
                      <FondsForm projectId={props.projectId} fonds={f} headers={props.headers} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
