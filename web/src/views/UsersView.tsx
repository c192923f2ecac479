import { For, Show, createSignal } from "solid-js";
import { formatDateTime, roleName, t, tf } from "../i18n";
import { useApp } from "../store/context";
import { PasswordOnce } from "../components/admin/PasswordOnce";
import { PeopleForms } from "../components/admin/PeopleForms";
import { DataTable } from "../components/DataTable";
import type { ActionResult } from "../store/action";
import { createUsersStore, type ManagedRole, type ManagedUser } from "../store/users";
import { errorOf, FormMessage } from "../components/FormMessage";

/** The people an administrator manages: open an account with a role, grant a role, disable or enable an
 * account, reset a forgotten password, revoke a role (worker/routes/users.ts, people.ts). */
export default function UsersView() {
  const app = useApp();
  const store = createUsersStore(app.session.writeHeaders);
  const [error, setError] = createSignal<string | null>(null);
  /** The last reset password, shown once: only in this page's memory. */
  const [reset, setReset] = createSignal<{ name: string; email: string; password: string; sessionsEnded: number } | null>(null);

  const scopeName = (r: ManagedRole): string => {
    if (r.projectId) return app.projects.find(r.projectId)?.name ?? r.projectId;
    if (r.provinceId) return app.projects.provinces()?.find((p) => p.id === r.provinceId)?.name ?? r.provinceId;
    return t("users.everywhere");
  };
  const act = async (run: () => Promise<ActionResult>) => {
    const r = await run();
    setError(errorOf(r));
  };
  const toggle = (u: ManagedUser) => {
    const disable = u.disabledAt === null;
    if (disable && !confirm(tf("users.confirmDisable", { name: u.name }))) return;
    void act(() => store.setDisabled(u.id, disable));
  };
  const resetPassword = async (u: ManagedUser) => {
    if (!confirm(tf("users.confirmReset", { name: u.name }))) return;
    setReset(null);
    const r = await store.resetPassword(u.id);
    setError(r.ok ? null : r.message || t("common.offlineAction"));
    if (r.ok && r.body) setReset({ name: u.name, email: u.email, ...r.body });
  };
  const revoke = (u: ManagedUser, r: ManagedRole) => {
    if (!confirm(tf("users.confirmRevoke", { name: u.name, role: roleName(r.role), scope: scopeName(r) }))) return;
    void act(() => store.revoke(u.id, r));
  };

  return (
    <div class="view">
      <div class="view__head">
        <h1 class="view__title">{t("users.title")}</h1>
      </div>
      <PeopleForms onChange={store.reload} />
      <Show when={store.error()}>
        <p class="notice notice--error" role="alert">
          {t("users.loadFailed")}
        </p>
      </Show>
      <FormMessage error={error()} />
      <Show when={reset()}>
        {(r) => <PasswordOnce lead={tf("users.passwordReset", { name: r().name, email: r().email, n: r().sessionsEnded })} label={t("people.newPassword")} password={r().password} />}
      </Show>
      <Show when={store.users()}>
        {(users) => (
          <div class="panel">
            <DataTable
              label={t("users.title")}
              class="users"
              empty={t("users.none")}
              rows={users()}
              headers={[t("users.name"), t("users.email"), t("users.roles"), t("users.status")]}
            >
              {(u) => (
                <tr classList={{ "users__row--disabled": u.disabledAt !== null }}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>
                    <Show when={u.roles.length > 0} fallback={t("users.noRoles")}>
                      <ul class="users__roles">
                        <For each={u.roles}>
                          {(r) => (
                            <li>
                              {roleName(r.role)} · {scopeName(r)}{" "}
                              <Show when={r.canRevoke}>
                                <button type="button" class="button button--small button--quiet" onClick={() => revoke(u, r)}>
                                  {t("users.revoke")}
                                </button>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </td>
                  <td>
                    <p>{u.disabledAt === null ? t("users.active") : tf("users.disabledSince", { at: formatDateTime(u.disabledAt) })}</p>
                    <Show when={u.canDisable}>
                      {/* The same administrators may reset a password (worker/auth/policy.ts "user-admin"), never their own. */}
                      <div class="users__actions">
                        <button
                          type="button"
                          class="button button--small"
                          classList={{ "button--danger": u.disabledAt === null }}
                          onClick={() => toggle(u)}
                        >
                          {u.disabledAt === null ? t("users.disable") : t("users.enable")}
                        </button>
                        <button type="button" class="button button--small button--quiet" onClick={() => void resetPassword(u)}>
                          {t("users.resetPassword")}
                        </button>
                      </div>
                    </Show>
                  </td>
                </tr>
              )}
            </DataTable>
          </div>
        )}
      </Show>
    </div>
  );
}
