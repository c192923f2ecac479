import { Show } from "solid-js";
import { t } from "../../i18n";
import { adminsProvince, atLeast, isSystemAdmin, roleOnProject } from "../../roles";
import { useApp } from "../../store/context";
import { CreateAccount } from "./CreateAccount";
import { GrantRole, type Scope } from "./GrantRole";

/** The users page's two setup forms, for the provinces and projects the signed-in admin manages. */
export function PeopleForms(props: { onChange: () => void }) {
  const app = useApp();
  const memberships = () => app.session.me()?.memberships ?? [];
  const provinces = () => (app.projects.provinces() ?? []).filter((p) => adminsProvince(memberships(), p.id));
  const scopes = (): Scope[] => {
    const out: Scope[] = [];
    if (isSystemAdmin(memberships())) out.push({ key: "system", label: t("users.everywhere") });
    for (const p of app.projects.provinces() ?? []) {
      if (adminsProvince(memberships(), p.id)) out.push({ key: `province:${p.id}`, label: `${t("people.wholeProvince")} ${p.name}` });
      for (const j of p.projects) if (atLeast(roleOnProject(memberships(), p.id, j.id), "admin")) out.push({ key: `project:${j.id}`, label: `${p.name} › ${j.name}` });
    }
    return out;
  };
  return (
    <>
      <Show when={provinces().length > 0}>
        <section class="panel" aria-labelledby="create-account">
          <h2 id="create-account" class="section-title">
            {t("people.createTitle")}
          </h2>
          <CreateAccount provinces={provinces()} headers={app.session.writeHeaders} onCreated={props.onChange} />
        </section>
      </Show>
      <Show when={scopes().length > 0}>
        <section class="panel" aria-labelledby="grant-role">
          <h2 id="grant-role" class="section-title">
            {t("people.grantTitle")}
          </h2>
          <GrantRole scopes={scopes()} headers={app.session.writeHeaders} onGranted={props.onChange} />
        </section>
      </Show>
    </>
  );
}
