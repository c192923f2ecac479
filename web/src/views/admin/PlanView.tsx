import { Show } from "solid-js";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ArchivedBadge, ArchivedNotice, FrozenWhenArchived } from "../../components/ArchivedBadge";
import { PeriodImport } from "../../components/admin/PeriodImport";
import { PlanImport } from "../../components/admin/PlanImport";
import { PlanMoves } from "../../components/admin/PlanMoves";
import { PlanTargets } from "../../components/admin/PlanTargets";
import { Link } from "../../components/Link";
import { t } from "../../i18n";
import { pathOf } from "../../router";
import { useApp } from "../../store/context";
import { useProject } from "../../store/project";
import "../../styles/admin.css";

/** Kế hoạch: import the plan table (preview first), the stored targets per fonds, the weekly/monthly
 * targets pasted the same way, and every move of planned volume. The stored plan is read from the live
 * feed, which each change's reload refreshes (worker/lib/admin-change.ts). */
export default function PlanView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const archivedAt = () => app.projects.find(props.projectId)?.archivedAt ?? null;
  const kinds = () => [...new Set(m.state().fonds.flatMap((f) => [...Object.keys(f.approved), ...Object.keys(f.funded)]))];
  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("admin.plan") }]} />
      <div class="view__head">
        <h1 class="view__title">
          {t("admin.plan")}
          <ArchivedBadge archivedAt={archivedAt()} />
        </h1>
      </div>
      <ArchivedNotice archivedAt={archivedAt()} />
      <FrozenWhenArchived archivedAt={archivedAt()}>
        <section class="panel" aria-labelledby="plan-import-title">
          <h2 id="plan-import-title" class="section-title">
            {t("admin.importPlan")}
          </h2>
          <p>{t("plan.importHint")}</p>
          <PlanImport projectId={props.projectId} headers={app.session.writeHeaders} onImported={() => undefined} />
        </section>
        <section class="panel" aria-labelledby="plan-current-title">
          <h2 id="plan-current-title" class="section-title">
            {t("plan.current")}
          </h2>
          <Show when={m.state().fonds.length > 0} fallback={<p class="empty">{t("totals.noPlan")}</p>}>
            <PlanTargets projectId={props.projectId} fonds={m.state().fonds} kinds={kinds()} headers={app.session.writeHeaders} />
            <p>
              <Link href={pathOf({ name: "project", projectId: props.projectId })}>{t("plan.toProject")}</Link>
              {" · "}
              <Link href={pathOf({ name: "stations", projectId: props.projectId })}>{t("plan.toStations")}</Link>
              {" · "}
              <Link href={pathOf({ name: "projectAudit", projectId: props.projectId })}>{t("audit.projectTitle")}</Link>
            </p>
          </Show>
        </section>
        <Show when={m.state().fonds.length > 0}>
          <section class="panel" aria-labelledby="periods-title">
            <h2 id="periods-title" class="section-title">
              {t("periods.title")}
            </h2>
            <p>{t("periods.hint")}</p>
            <PeriodImport projectId={props.projectId} fonds={m.state().fonds} headers={app.session.writeHeaders} />
          </section>
        </Show>
      </FrozenWhenArchived>
      <Show when={m.state().fonds.length > 0}>
        <section class="panel" aria-labelledby="moves-title">
          <h2 id="moves-title" class="section-title">
            {t("moves.title")}
          </h2>
          <PlanMoves projectId={props.projectId} fonds={m.state().fonds} timeZone={m.timeZone()} />
        </section>
      </Show>
    </div>
  );
}
