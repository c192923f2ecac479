import { For, Show } from "solid-js";
import { t } from "../i18n";
import { Link } from "./Link";

/** Province overview › project › fonds or station: the way back up, one click each. */
export function Breadcrumbs(props: { trail: readonly { label: string; href?: string }[] }) {
  return (
    <nav class="crumbs" aria-label={t("nav.breadcrumbs")}>
      <ol>
        <li>
          <Link href="/">{t("nav.overview")}</Link>
        </li>
        <For each={props.trail}>
          {(step) => (
            <li>
              <Show when={step.href} fallback={<span aria-current="page">{step.label}</span>}>
                {(href) => <Link href={href()}>{step.label}</Link>}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
