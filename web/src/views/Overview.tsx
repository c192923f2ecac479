import { For, Show } from "solid-js";
import { t } from "../i18n";
import { ProjectCard } from "../components/ProjectCard";
import { Link } from "../components/Link";
import { useApp } from "../store/context";

/** Leadership's one page: every project of every province the user may see, live. */
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
        <For each={provinces()}>
          {(province) => (
            <section class="province" aria-labelledby={`province-${province.id}`}>
              <h2 id={`province-${province.id}`} class="section-title">
                {t("picker.province")} {province.name}
              </h2>
              <div class="cards">
                <For each={province.projects}>{(p) => <ProjectCard projectId={p.id} name={p.name} />}</For>
              </div>
            </section>
          )}
        </For>
      </Show>
    </div>
  );
}
