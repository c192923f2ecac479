import { createMemo } from "solid-js";
import { apiClient } from "../../api";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ArchivedBadge, ArchivedNotice, FrozenWhenArchived } from "../../components/ArchivedBadge";
import { NamedTokens } from "../../components/admin/NamedTokens";
import { silentStationIds } from "../../../../schema/alert-scope";
import { StationRow } from "../../components/admin/StationRow";
import { TokenOnce } from "../../components/admin/TokenOnce";
import { t } from "../../i18n";
import { pathOf } from "../../router";
import { useApp } from "../../store/context";
import { useProject } from "../../store/project";
import "../../styles/admin.css";

/** Trạm quét: the project's scan stations and their tokens. Activity comes from the live feed. */
export default function StationsView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const silent = createMemo(() => silentStationIds(m.alerts()));
  const stations = () => apiClient().projects[":projectId"].stations;
  const param = () => ({ projectId: props.projectId });
  const archivedAt = () => app.projects.find(props.projectId)?.archivedAt ?? null;

  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("admin.stations") }]} />
      <div class="view__head">
        <h1 class="view__title">
          {t("admin.stations")}
          <ArchivedBadge archivedAt={archivedAt()} />
        </h1>
      </div>
      <ArchivedNotice archivedAt={archivedAt()} />
      <FrozenWhenArchived archivedAt={archivedAt()}>
        <NamedTokens
          form={{ id: "new-station", class: "no-print", title: t("stations.add"), label: t("stations.name"), placeholder: t("stations.nameExample"), submit: t("stations.create") }}
          list={{
            id: "station-list",
            panelClass: "no-print",
            title: t("stations.list"),
            class: "stations-admin",
            empty: t("stations.none"),
            loadFailed: t("stations.loadFailed"),
            headers: [t("stations.name"), t("stations.created"), t("stations.lastPost"), t("stations.state"), t("stations.actions")],
          }}
          create={(name) => stations().$post({ param: param(), json: { name } }, { headers: app.session.writeHeaders() })}
          load={async () => {
            const res = await stations().$get({ param: param() });
            if (!res.ok) throw new Error(`GET stations: ${res.status}`);
            return (await res.json()).stations;
          }}
          once={(s, close) => <TokenOnce projectId={props.projectId} stationName={s.name} token={s.token} onClose={close} />}
        >
          {(s, actions) => (
            <StationRow
              projectId={props.projectId}
              station={s}
              lastPost={m.state().stationsSeen.get(s.id)?.lastPostAt}
              timeZone={m.timeZone()}
              silent={silent().has(s.id)}
              headers={app.session.writeHeaders}
              onChanged={actions.refetch}
              onToken={(name, token) => actions.show({ name, token })}
            />
          )}
        </NamedTokens>
      </FrozenWhenArchived>
    </div>
  );
}
