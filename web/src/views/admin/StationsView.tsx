import { Show, createMemo, createResource, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { NameForm } from "../../components/admin/NameForm";
import { DataTable } from "../../components/DataTable";
import type { FormErrors } from "../../components/admin/form-errors";
import { focusFirstInvalid, send } from "../../components/admin/send";
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
  const [list, { refetch }] = createResource(async () => {
    const res = await apiClient().projects[":projectId"].stations.$get({ param: { projectId: props.projectId } });
    if (!res.ok) throw new Error(`GET stations: ${res.status}`);
    return (await res.json()).stations;
  });
  const [shown, setShown] = createSignal<{ name: string; token: string } | null>(null);
  const [name, setName] = createSignal("");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const silent = createMemo(() => silentStationIds(m.alerts()));

  const add = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const r = await send<{ name: string; token: string }>(
      () => apiClient().projects[":projectId"].stations.$post({ param: { projectId: props.projectId }, json: { name: name() } }, { headers: app.session.writeHeaders() }),
      ["name"],
    );
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setName("");
    setShown({ name: r.body.name, token: r.body.token });
    void refetch();
  };

  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("admin.stations") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("admin.stations")}</h1>
      </div>
      <Show when={shown()}>{(s) => <TokenOnce projectId={props.projectId} stationName={s().name} token={s().token} onClose={() => setShown(null)} />}</Show>
      <NameForm
        id="new-station"
        class="no-print"
        title={t("stations.add")}
        label={t("stations.name")}
        placeholder={t("stations.nameExample")}
        submit={t("stations.create")}
        value={name()}
        onInput={setName}
        errors={errors()}
        onSubmit={add}
      />
      <section class="panel no-print" aria-labelledby="station-list">
        <h2 id="station-list" class="section-title">
          {t("stations.list")}
        </h2>
        <Show when={list.error}>
          <p class="notice notice--error">{t("stations.loadFailed")}</p>
        </Show>
        <Show when={list.state === "ready" || list.state === "refreshing" ? list() : undefined}>
          {(stations) => (
            <DataTable
              label={t("stations.list")}
              class="stations-admin"
              empty={t("stations.none")}
              rows={stations()}
              headers={[t("stations.name"), t("stations.created"), t("stations.lastPost"), t("stations.state"), t("stations.actions")]}
            >
              {(s) => (
                <StationRow
                  projectId={props.projectId}
                  station={s}
                  lastPost={m.state().stationsSeen.get(s.id)?.lastPostAt}
                  timeZone={m.timeZone()}
                  silent={silent().has(s.id)}
                  headers={app.session.writeHeaders}
                  onChanged={() => void refetch()}
                  onToken={(n, token) => setShown({ name: n, token })}
                />
              )}
            </DataTable>
          )}
        </Show>
      </section>
    </div>
  );
}
