import { Show } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../../api";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DisplayOnce } from "../../components/admin/DisplayOnce";
import { NamedTokens, type RowActions } from "../../components/admin/NamedTokens";
import { send } from "../../components/admin/send";
import { formatDateTime, t, tf } from "../../i18n";
import { pathOf } from "../../router";
import { useApp } from "../../store/context";
import "../../styles/admin.css";

type DisplayItem = InferResponseType<ReturnType<typeof apiClient>["provinces"][":provinceId"]["displays"]["$get"], 200>["displays"][number];

/** Màn hình trình chiếu: the wall-screen codes of a province (its whole wall) or of one project. */
export default function DisplaysView(props: { provinceId: string } | { projectId: string }) {
  const app = useApp();
  const projectId = () => ("projectId" in props ? props.projectId : null);
  const provinceId = () => ("provinceId" in props ? props.provinceId : (app.projects.provinceOf(projectId()!)?.id ?? ""));
  const scopeName = () => {
    const id = projectId();
    return id ? (app.projects.find(id)?.name ?? id) : (app.projects.provinces()?.find((p) => p.id === provinceId())?.name ?? provinceId());
  };
  const projectName = (id: string | null) => (id ? (app.projects.find(id)?.name ?? id) : t("displays.wholeProvince"));
  const province = () => apiClient().provinces[":provinceId"].displays;
  const project = () => apiClient().projects[":projectId"].displays;
  const headers = () => ({ headers: app.session.writeHeaders() });

  const revoke = async (d: DisplayItem, actions: RowActions) => {
    if (!confirm(tf("displays.confirmRevoke", { name: d.name }))) return;
    const id = projectId();
    const r = await send(
      () =>
        id
          ? apiClient().projects[":projectId"].displays[":displayId"].$delete({ param: { projectId: id, displayId: d.id } }, headers())
          : apiClient().provinces[":provinceId"].displays[":displayId"].$delete({ param: { provinceId: provinceId(), displayId: d.id } }, headers()),
      [],
    );
    if (!r.ok) return actions.fail(r.errors);
    actions.refetch();
  };

  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: t("admin.title"), href: pathOf({ name: "admin" }) }, { label: scopeName() }, { label: t("displays.title") }]} />
      <div class="view__head">
        <h1 class="view__title">
          {t("displays.title")} · {scopeName()}
        </h1>
      </div>
      <p class="admin__steps">{t("displays.intro")}</p>
      <NamedTokens
        form={{ id: "new-display", title: t("displays.add"), label: t("displays.name"), placeholder: t("displays.nameExample"), submit: t("displays.create") }}
        list={{
          id: "display-list",
          title: t("displays.list"),
          class: "displays-admin",
          empty: t("displays.none"),
          loadFailed: t("displays.loadFailed"),
          headers: [t("displays.name"), t("displays.scope"), t("displays.createdBy"), t("displays.createdAt"), t("displays.lastUsed"), t("displays.state")],
        }}
        create={(name) => {
          const id = projectId();
          return id ? project().$post({ param: { projectId: id }, json: { name } }, headers()) : province().$post({ param: { provinceId: provinceId() }, json: { name } }, headers());
        }}
        load={async () => {
          const id = projectId();
          const res = id ? await project().$get({ param: { projectId: id } }) : await province().$get({ param: { provinceId: provinceId() } });
          if (!res.ok) throw new Error(`GET displays: ${res.status}`);
          return (await res.json()).displays as DisplayItem[];
        }}
        once={(s, close) => <DisplayOnce name={s.name} token={s.token} onClose={close} />}
      >
        {(d, actions) => (
          <tr classList={{ "stations-admin__revoked": d.revokedAt !== null }}>
            <th scope="row">{d.name}</th>
            <td>{projectName(d.projectId)}</td>
            <td>{d.createdByName}</td>
            <td>{formatDateTime(d.createdAt)}</td>
            <td>{d.lastUsedAt === null ? t("displays.never") : formatDateTime(d.lastUsedAt)}</td>
            <td>
              <Show when={d.revokedAt === null} fallback={`${t("displays.revoked")} ${formatDateTime(d.revokedAt!)}`}>
                {t("displays.active")}{" "}
                <button type="button" class="button button--small button--quiet" onClick={() => void revoke(d, actions)}>
                  {t("displays.revoke")}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </NamedTokens>
    </div>
  );
}
