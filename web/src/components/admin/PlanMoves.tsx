import { createResource } from "solid-js";
import { formatQuantity } from "../../../../schema/numbers";
import { kindDecimals } from "../../../../schema/kinds";
import type { FondsPlan } from "../../../../schema/wire";
import { apiClient } from "../../api";
import { formatDateTime, kindName, locale, t } from "../../i18n";
import { valueOf } from "../../resource";
import { DataTable } from "../DataTable";

/** Every move of planned volume in the project, newest first, with who, when and why (GET …/plan/moves;
 * a fonds' own page lists its own). Read again whenever the live plan changes, as a move changes it. */
export function PlanMoves(props: { projectId: string; fonds: readonly FondsPlan[]; timeZone: string }) {
  const [moves] = createResource(
    () => props.fonds,
    async () => {
      const res = await apiClient().projects[":projectId"].plan.moves.$get({ param: { projectId: props.projectId } });
      if (!res.ok) throw new Error(`plan moves: ${res.status}`);
      return (await res.json()).moves;
    },
  );
  const name = (code: string) => {
    const f = props.fonds.find((x) => x.code === code);
    return f ? `${code} ${f.name}` : code;
  };
  return (
    <DataTable
      label={t("moves.title")}
      class="plan-moves"
      rows={valueOf(moves) ?? []}
      empty={moves.error ? t("moves.loadFailed") : t("moves.none")}
      headers={[t("moves.when"), t("moves.who"), t("moves.fromTo"), t("moves.what"), t("moves.why")]}
    >
      {(mv) => (
        <tr>
          <td>{formatDateTime(mv.at, props.timeZone)}</td>
          <td>{mv.userName}</td>
          <td>
            {name(mv.fromFonds)} → {name(mv.toFonds)}
          </td>
          <td class="num">
            {formatQuantity(mv.amount, kindDecimals(mv.kind) ?? 0, locale())} {kindName(mv.kind)}
          </td>
          <td>{mv.reason}</td>
        </tr>
      )}
    </DataTable>
  );
}
