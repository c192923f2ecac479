import { Show } from "solid-js";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { ContactPoints } from "../components/rules/ContactPoints";
import { RuleForm } from "../components/rules/RuleForm";
import { RuleList } from "../components/rules/RuleList";
import { t } from "../i18n";
import { targetKinds } from "../live/figures";
import { atLeast } from "../roles";
import { pathOf } from "../router";
import { useApp } from "../store/context";
import { useProject } from "../store/project";
import { createRulesStore } from "../store/rules";

/** Alert rules and contact points of a project. Everyone with a role on the
 * project sees the rules; administrators change them and manage contact points. */
export default function RulesView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const isAdmin = () => atLeast(m.role(), "admin");
  const store = createRulesStore(props.projectId, isAdmin, app.session.writeHeaders);
  const names = {
    fondsName: (code: string) => m.alertContext.fondsName(code),
    stationName: (id: string) => m.alertContext.stationName(id),
  };
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("rules.title") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("rules.title")}</h1>
      </div>
      <Show when={!isAdmin() && m.role() !== null}>
        <p class="notice">{t("rules.readOnly")}</p>
      </Show>
      <Show when={store.rulesError()}>
        <p class="notice notice--error" role="alert">
          {t("rules.loadFailed")}
        </p>
      </Show>
      <Show when={store.rules()}>
        {(rules) => <RuleList rules={rules()} names={names} canEdit={isAdmin()} update={store.updateRule} remove={store.deleteRule} />}
      </Show>
      <Show when={isAdmin()}>
        <RuleForm fonds={m.state().fonds} stations={m.state().stations} kinds={targetKinds(m.state().fonds)} create={store.createRule} />
        <ContactPoints
          contactPoints={store.contactPoints() ?? []}
          deliveries={store.deliveries() ?? []}
          timeZone={m.timeZone()}
          create={store.createContactPoint}
          remove={store.deleteContactPoint}
          test={store.testContactPoint}
          log={store.contactPointLog}
          refreshDeliveries={store.refreshDeliveries}
        />
      </Show>
    </div>
  );
}
