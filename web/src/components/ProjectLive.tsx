import { Show, createMemo } from "solid-js";
import { formatQuantity } from "../../../schema/numbers";
import { DEFAULT_TIME_ZONE, formatDay, locale, t } from "../i18n";
import { createLiveConnection } from "../live/connection";
import { decimalsOf, kindPlans, kindTotals, plannedKinds } from "../live/selectors";
import { ConnectionState } from "./ConnectionState";
import { FondsTable } from "./FondsTable";
import { KindTotals } from "./KindTotals";
import { Presence } from "./Presence";

/** One project's live page. Mounted per project: another project opens another feed. */
export function ProjectLive(props: { projectId: string }) {
  // Read once: the parent re-mounts this component for another project.
  const live = createLiveConnection(props.projectId);
  const state = live.state;
  // Memos on the parts keep their identity across deltas (live/apply.ts), so plan-derived figures and
  // the fonds rows are computed once per plan, not once per delta.
  const fonds = createMemo(() => state().fonds);
  const kinds = createMemo(() => state().kinds);
  const totals = createMemo(() => state().fondsTotals);
  const approved = createMemo(() => kindPlans(fonds(), "approved"));
  const funded = createMemo(() => kindPlans(fonds(), "funded"));
  const planned = createMemo(() => plannedKinds(approved()));
  const actual = createMemo(() => kindTotals(totals()));
  const timeZone = () => state().project?.timeZone ?? DEFAULT_TIME_ZONE;
  const quantity = (kind: string, amount: number) => formatQuantity(amount, decimalsOf(kinds(), kind), locale());

  return (
    <div class="live">
      <section class="project">
        <Show when={state().project} fallback={<p class="project__loading">{t("project.loading")}</p>}>
          {(project) => (
            <>
              <h2 class="project__name">{project().name}</h2>
              <p class="project__meta">
                <Show when={project().legalBasis}>
                  <span>{project().legalBasis}</span>
                  {" · "}
                </Show>
                <span>
                  {t("project.period")}: {formatDay(project().periodStart)} – {formatDay(project().periodEnd)}
                </span>
              </p>
            </>
          )}
        </Show>
        <ConnectionState
          status={live.status()}
          lastMessageAt={live.lastMessageAt()}
          lastActivityAt={state().lastActivityAt}
          timeZone={timeZone()}
        />
      </section>
      <Show when={state().seq !== null}>
        <KindTotals kinds={planned()} actual={actual()} approved={approved()} funded={funded()} quantity={quantity} />
        <Show when={planned().length > 0 && fonds().length > 0}>
          <FondsTable fonds={fonds()} kinds={planned()} totals={totals()} quantity={quantity} />
        </Show>
      </Show>
      <Presence viewers={state().viewers} />
    </div>
  );
}
