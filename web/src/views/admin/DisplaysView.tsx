import { Show, createResource, createSignal } from "solid-js";
import type { InferResponseType } from "hono/client";
import { apiClient } from "../../api";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DisplayOnce } from "../../components/admin/DisplayOnce";
import { NameForm } from "../../components/admin/NameForm";
import { DataTable } from "../../components/DataTable";
import type { FormErrors } from "../../components/admin/form-errors";
import { focusFirstInvalid, send } from "../../components/admin/send";
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
  const [list, { refetch }] = createResource(async () => {
    const id = projectId();
    const res = id ? await project().$get({ param: { projectId: id } }) : await province().$get({ param: { provinceId: provinceId() } });
    if (!res.ok) throw new Error(`GET displays: ${res.status}`);
    return (await res.json()).displays;
  });
  const [shown, setShown] = createSignal<{ name: string; token: string } | null>(null);
  const [name, setName] = createSignal("");
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {}, message: null });
  const headers = () => ({ headers: app.session.writeHeaders() });

  const add = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    const id = projectId();
    const json = { name: name() };
    const r = await send<{ name: string; token: string }>(
      () => (id ? project().$post({ param: { projectId: id }, json }, headers()) : province().$post({ param: { provinceId: provinceId() }, json }, headers())),
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

  const revoke = async (d: DisplayItem) => {
    if (!confirm(tf("displays.confirmRevoke", { name: d.name }))) return;
    const id = projectId();
    const r = await send(
      () =>
        id
          ? apiClient().projects[":projectId"].displays[":displayId"].$delete({ param: { projectId: id, displayId: d.id } }, headers())
          : apiClient().provinces[":provinceId"].displays[":displayId"].$delete({ param: { provinceId: provinceId(), displayId: d.id } }, headers()),
      [],
    );
    if (!r.ok) return setErrors(r.errors);
    void refetch();
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
      <Show when={shown()}>{(s) => <DisplayOnce name={s().name} token={s().token} onClose={() => setShown(null)} />}</Show>
      <NameForm
        id="new-display"
        title={t("displays.add")}
        label={t("displays.name")}
        placeholder={t("displays.nameExample")}
        submit={t("displays.create")}
        value={name()}
        onInput={setName}
        errors={errors()}
        onSubmit={add}
      />
      <section class="panel" aria-labelledby="display-list">
        <h2 id="display-list" class="section-title">
          {t("displays.list")}
        </h2>
        <Show when={list.error}>
          <p class="notice notice--error">{t("displays.loadFailed")}</p>
        </Show>
        <Show when={list.state === "ready" || list.state === "refreshing" ? list() : undefined}>
          {(displays) => (
            <DataTable
              label={t("displays.list")}
              class="displays-admin"
              empty={t("displays.none")}
              rows={displays()}
              headers={[t("displays.name"), t("displays.scope"), t("displays.createdBy"), t("displays.createdAt"), t("displays.lastUsed"), t("displays.state")]}
            >
              {(d) => (
                <tr classList={{ "stations-admin__revoked": d.revokedAt !== null }}>
                  <th scope="row">{d.name}</th>
                  <td>{projectName(d.projectId)}</td>
                  <td>{d.createdByName}</td>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td>{d.lastUsedAt === null ? t("displays.never") : formatDateTime(d.lastUsedAt)}</td>
                  <td>
                    <Show when={d.revokedAt === null} fallback={`${t("displays.revoked")} ${formatDateTime(d.revokedAt!)}`}>
                      {t("displays.active")}{" "}
                      <button type="button" class="button button--small button--quiet" onClick={() => void revoke(d)}>
                        {t("displays.revoke")}
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </DataTable>
          )}
        </Show>
      </section>
    </div>
  );
}
