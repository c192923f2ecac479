import { Show } from "solid-js";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ArchiveProject } from "../../components/admin/ArchiveProject";
import { ArchivedBadge, ArchivedNotice, FrozenWhenArchived } from "../../components/ArchivedBadge";
import { CalendarForm } from "../../components/admin/CalendarForm";
import { ProjectForm } from "../../components/admin/ProjectForm";
import { t } from "../../i18n";
import { adminsProvince } from "../../roles";
import { navigate, pathOf } from "../../router";
import { useApp } from "../../store/context";
import { useProject } from "../../store/project";
import "../../styles/admin.css";

/** A new project of a province (`provinceId`), or an existing one's details and calendar (`projectId`). */
export default function ProjectSetupView(props: { provinceId?: string; projectId?: string }) {
  return (
    <Show when={props.projectId} fallback={<NewProject provinceId={props.provinceId ?? ""} />}>
      {(projectId) => <EditProject projectId={projectId()} />}
    </Show>
  );
}

function NewProject(props: { provinceId: string }) {
  const app = useApp();
  const province = () => app.projects.provinces()?.find((p) => p.id === props.provinceId);
  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: t("admin.title"), href: pathOf({ name: "admin" }) }, { label: province()?.name ?? props.provinceId }]} />
      <div class="view__head">
        <h1 class="view__title">{t("admin.newProject")}</h1>
      </div>
      <section class="panel">
        <ProjectForm
          provinceId={props.provinceId}
          headers={app.session.writeHeaders}
          onSaved={async (p) => {
            // The page of a project the list does not know yet would say "unknown project" (App.tsx).
            await app.projects.refetch();
            navigate(pathOf({ name: "plan", projectId: p.id }));
          }}
        />
      </section>
    </div>
  );
}

function EditProject(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const archivedAt = () => app.projects.find(props.projectId)?.archivedAt ?? null;
  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("admin.setup") }]} />
      <div class="view__head">
        <h1 class="view__title">
          {t("admin.setup")}
          <ArchivedBadge archivedAt={archivedAt()} />
        </h1>
      </div>
      <ArchivedNotice archivedAt={archivedAt()} />
      <Show when={m.project()} fallback={<p class="project__loading">{t("project.loading")}</p>}>
        {(p) => (
          <>
            <FrozenWhenArchived archivedAt={archivedAt()}>
              <section class="panel" aria-labelledby="project-details">
                <h2 id="project-details" class="section-title">
                  {t("admin.details")}
                </h2>
                <ProjectForm provinceId={p().provinceId} initial={p()} headers={app.session.writeHeaders} onSaved={() => void app.projects.refetch()} />
              </section>
              <section class="panel" aria-labelledby="project-calendar">
                <h2 id="project-calendar" class="section-title">
                  {t("admin.calendar")}
                </h2>
                <p>{t("admin.calendarHint")}</p>
                <CalendarForm projectId={props.projectId} headers={app.session.writeHeaders} />
              </section>
            </FrozenWhenArchived>
            <section class="panel" aria-labelledby="project-archive">
              <h2 id="project-archive" class="section-title">
                {t("archive.title")}
              </h2>
              <ArchiveProject
                projectId={props.projectId}
                name={p().name}
                archivedAt={archivedAt()}
                mayUnarchive={adminsProvince(app.session.me()?.memberships ?? [], p().provinceId)}
                headers={app.session.writeHeaders}
                onChanged={() => app.projects.refetch()}
              />
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
