import { For, Show, createMemo, createResource } from "solid-js";
import { apiClient } from "../api";
import { AlertFeed } from "../components/AlertFeed";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { Link } from "../components/Link";
import { ProgressBar } from "../components/ProgressBar";
import { ProjectHeader } from "../components/ProjectHeader";
import { StatusBadge } from "../components/StatusBadge";
import { barText, percent, signed } from "../format";
import { formatDateTime, kindName, t } from "../i18n";
import { alertsAbout } from "../live/alerts";
import { valueOf } from "../resource";
import { atLeast } from "../roles";
import { pathOf } from "../router";
import { useProject } from "../store/project";

/** One fonds (phông): its progress per kind against its own plan, its alerts, and plan volume moved to
 * or from it (seed 001: under-plan fonds hand their volume to others). */
export default function FondsView(props: { projectId: string; code: string }) {
  const m = useProject(props.projectId);
  const row = createMemo(() => m.rows().find((r) => r.fonds.code === props.code));
  const [moves] = createResource(async () => {
    const res = await apiClient().projects[":projectId"].plan.moves.$get({ param: { projectId: props.projectId } });
    return res.ok ? (await res.json()).moves.filter((x) => x.fromFonds === props.code || x.toFonds === props.code) : [];
  });
  const projectHref = () => pathOf({ name: "project", projectId: props.projectId });
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: projectHref() }, { label: row() ? `${props.code} ${row()!.fonds.name}` : props.code }]} />
      <ProjectHeader model={m} title={row() ? `${props.code} · ${row()!.fonds.name}` : props.code} status={row()?.status ?? "hidden"}>
        <Show when={row()?.fonds.agency || row()?.fonds.restricted}>
          <p class="project__meta">
            {row()!.fonds.agency}
            <Show when={row()!.fonds.restricted}>
              {" "}
              <span class="tag">{t("fonds.restricted")}</span>
            </Show>
          </p>
        </Show>
      </ProjectHeader>
      <Show when={m.loaded()}>
        <Show when={row()} fallback={<p class="notice notice--error">{t("fonds.unknown")}</p>}>
          {(r) => (
            <section class="totals" aria-labelledby="fonds-kinds">
              <h2 id="fonds-kinds" class="section-title">
                {t("totals.title")}
              </h2>
              <Show when={r().kinds.size > 0} fallback={<p class="empty">{t("fonds.noPlan")}</p>}>
                <div class="totals__grid">
                  <For each={[...r().kinds.values()]}>
                    {(k) => {
                      const q = (amount: number) => m.quantity(k.kind, amount);
                      return (
                        <article class={`kind kind--${k.status}`}>
                          <header class="kind__head">
                            <h3 class="kind__name">{kindName(k.kind)}</h3>
                            <StatusBadge status={k.status} />
                          </header>
                          <p class="kind__figures">
                            <strong class="kind__actual">{q(k.actual)}</strong>
                            <span class="kind__plan"> / {q(k.target)}</span>
                          </p>
                          <ProgressBar ratio={k.done} expected={k.expected} status={k.status} label={kindName(k.kind)} valueText={barText(k, m.quantity)} />
                          <dl class="facts">
                            <div>
                              <dt>{t("progress.planToDate")}</dt>
                              <dd>
                                {q(k.planToDate)} <span class="facts__soft">({percent(k.expected)})</span>
                              </dd>
                            </div>
                            <div>
                              <dt>{t("progress.variance")}</dt>
                              <dd>{signed(m.quantity, k.kind, k.actual - k.planToDate)}</dd>
                            </div>
                            <Show when={k.catchUpRate !== null}>
                              <div>
                                <dt>{t("progress.catchUp")}</dt>
                                <dd>{q(Math.ceil(k.catchUpRate!))}</dd>
                              </div>
                            </Show>
                          </dl>
                          <Show when={k.approved > 0 && k.approved !== k.target}>
                            <p class="kind__funded">
                              {t("totals.plan")}: {q(k.approved)} · {t("totals.funded")}: {q(k.target)}
                            </p>
                          </Show>
                        </article>
                      );
                    }}
                  </For>
                </div>
              </Show>
            </section>
          )}
        </Show>
      </Show>
      {/* With the snapshot, below its figures: drawn before, it would be pushed down when they arrive. */}
      <Show when={m.loaded()}>
        <AlertFeed
          projectId={props.projectId}
          alerts={alertsAbout(m.alerts(), { fonds: props.code })}
          ctx={m.alertContext}
          canAct={atLeast(m.role(), "supervisor")}
        />
      </Show>
      <Show when={(valueOf(moves) ?? []).length > 0}>
        <section class="panel" aria-labelledby="moves-title">
          <h2 id="moves-title" class="section-title">
            {t("fonds.moves")}
          </h2>
          <ul class="moves">
            <For each={valueOf(moves)}>
              {(mv) => (
                <li>
                  {formatDateTime(mv.at, m.timeZone())} · {kindName(mv.kind)}: {mv.fromFonds} → {mv.toFonds} <strong>{m.quantity(mv.kind, mv.amount)}</strong> ·{" "}
                  {mv.userName}: “{mv.reason}”
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <p>
        <Link href={projectHref()}>← {m.project()?.name ?? props.projectId}</Link>
      </p>
    </div>
  );
}
