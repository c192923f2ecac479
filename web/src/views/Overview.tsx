import { For, Show } from "solid-js";
import { t } from "../i18n";
import { ProjectCard } from "../components/ProjectCard";
import { Link } from "../components/Link";
import { createAttention } from "../store/attention";
import { useApp } from "../store/context";
import type { Province } from "../store/projects";

/** Leadership's one page: every project of every province the user may see, live, with what needs
 * attention (not started, reports overdue, stations silent) on each card. */
export default function Overview() {
  const app = useApp();
  const provinces = () => (app.projects.provinces() ?? []).filter((p) => p.projects.length > 0);
  return (
    <div class="view">
      <div class="view__head">
        <h1 class="view__title">{t("overview.title")}</h1>
        <Link class="button button--quiet" href="/wall">
          {t("nav.wall")}
        </Link>
      </div>
      <Show when={provinces().length > 0} fallback={<p class="notice">{t("picker.none")}</p>}>
        <For each={provinces()}>{(province) => <ProvinceSection province={province} />}</For>
      </Show>
    </div>
  );
}

function ProvinceSection(props: { province: Province }) {
  const attention = createAttention(props.province.id);
  return (
    <section class="province" aria-labelledby={`province-${props.province.id}`}>
      <h2 id={`province-${props.province.id}`} class="section-title">
        {t("picker.province")} {props.province.name}
      </h2>
      <div class="cards">
        <For each={props.province.projects}>{(p) => <ProjectCard projectId={p.id} name={p.name} attention={attention(p.id)} attentionReady={attention.ready()} />}</For>
      </div>
    </section>
  );
}
