import { For, Show, createSignal } from "solid-js";
import { apiClient } from "../../api";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ArchivedBadge } from "../../components/ArchivedBadge";
import { Field, FormMessage } from "../../components/admin/Field";
import { ProvinceRename } from "../../components/admin/ProvinceRename";
import { slugOf } from "../../components/admin/slug";
import { focusFirstInvalid, send } from "../../components/admin/send";
import { Link } from "../../components/Link";
import { t, tf } from "../../i18n";
import { adminsProvince, isSystemAdmin } from "../../roles";
import { pathOf } from "../../router";
import { useApp } from "../../store/context";
import "../../styles/admin.css";

/** Quản trị: the provinces an administrator sets up, each with its projects and the next steps; a system
 * administrator opens new provinces and renames them here. */
export default function ProvincesView() {
  const app = useApp();
  const memberships = () => app.session.me()?.memberships ?? [];
  const mine = () => (app.projects.provinces() ?? []).filter((p) => adminsProvince(memberships(), p.id));
  return (
    <div class="view admin">
      <Breadcrumbs trail={[{ label: t("admin.title") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("admin.title")}</h1>
      </div>
      <p class="admin__steps">{t("admin.steps")}</p>
      <Show when={isSystemAdmin(memberships())}>
        <NewProvince />
        <p class="admin__links">
          <Link href={pathOf({ name: "systemAudit" })}>{t("audit.systemTitle")}</Link>
        </p>
      </Show>
      <Show when={mine().length > 0} fallback={<p class="empty">{t("admin.noProvinces")}</p>}>
        <For each={mine()}>
          {(province) => (
            <section class="panel admin__province" aria-labelledby={`province-${province.id}`}>
              <div class="section-head">
                <h2 id={`province-${province.id}`} class="section-title">
                  {province.name}
                </h2>
                <Link class="button" href={pathOf({ name: "newProject", provinceId: province.id })}>
                  {t("admin.newProject")}
                </Link>
              </div>
              <Show when={isSystemAdmin(memberships())}>
                <ProvinceRename province={province} />
              </Show>
              <Show when={province.projects.length > 0} fallback={<p class="empty">{t("admin.noProjects")}</p>}>
                <ul class="admin__projects">
                  <For each={province.projects}>
                    {(project) => (
                      <li>
                        <Link href={pathOf({ name: "project", projectId: project.id })}>{project.name}</Link>
                        <ArchivedBadge archivedAt={project.archivedAt} />
                        <span class="admin__links">
                          <Link href={pathOf({ name: "setup", projectId: project.id })}>{t("admin.setup")}</Link>
                          <Link href={pathOf({ name: "plan", projectId: project.id })}>{t("admin.plan")}</Link>
                          <Link href={pathOf({ name: "stations", projectId: project.id })}>{t("admin.stations")}</Link>
                          <Link href={pathOf({ name: "displays", projectId: project.id })}>{t("displays.title")}</Link>
                          <Link href={pathOf({ name: "projectAudit", projectId: project.id })}>{t("audit.title")}</Link>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p class="admin__links">
                <Link href={pathOf({ name: "users" })}>{tf("admin.provincePeople", { province: province.name })}</Link>
                <Link href={pathOf({ name: "provinceDisplays", provinceId: province.id })}>{t("displays.title")}</Link>
                <Link href={pathOf({ name: "audit", provinceId: province.id })}>{t("audit.title")}</Link>
              </p>
            </section>
          )}
        </For>
      </Show>
    </div>
  );
}

function NewProvince() {
  const app = useApp();
  const [name, setName] = createSignal("");
  const [id, setId] = createSignal("");
  const [idTouched, setIdTouched] = createSignal(false);
  const [errors, setErrors] = createSignal<{ fields: Record<string, string>; message: string | null }>({ fields: {}, message: null });
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const provinceId = () => (idTouched() ? id() : slugOf(name()));

  const submit = async (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(null);
    setBusy(true);
    const json = { id: provinceId(), name: name() };
    const r = await send(() => apiClient().provinces.$post({ json }, { headers: app.session.writeHeaders() }), ["id", "name"]);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.errors);
      return focusFirstInvalid(form);
    }
    setErrors({ fields: {}, message: null });
    setDone(tf("admin.provinceCreated", { name: json.name }));
    setName("");
    setId("");
    setIdTouched(false);
    await app.projects.refetch();
  };

  return (
    <section class="panel" aria-labelledby="new-province">
      <h2 id="new-province" class="section-title">
        {t("admin.newProvince")}
      </h2>
      <form class="form admin__form" onSubmit={submit} noValidate>
        <Field name="name" label={t("admin.provinceName")} placeholder="Khánh Hòa" value={name()} onInput={setName} error={errors().fields.name} maxLength={200} />
        <Field
          name="id"
          label={t("admin.provinceId")}
          hint={t("admin.idHint")}
          value={provinceId()}
          onInput={(v) => {
            setIdTouched(true);
            setId(v);
          }}
          error={errors().fields.id}
          maxLength={64}
        />
        <FormMessage error={errors().message} ok={done()} />
        <button type="submit" class="button" disabled={busy()}>
          {t("admin.createProvince")}
        </button>
      </form>
    </section>
  );
}
