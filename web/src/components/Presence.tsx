import { For } from "solid-js";
import type { Viewer } from "../../../schema/wire";
import { roleName, t } from "../i18n";
import { distinctViewers } from "../live/selectors";

/** Who is watching this project now (presence), each person once however many screens they use. */
export function Presence(props: { viewers: readonly Viewer[] }) {
  const people = () => distinctViewers(props.viewers);
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" class="section-title">
        {t("presence.title")} <span class="count">({people().length})</span>
      </h2>
      <ul class="presence__list">
        <For each={people()}>
          {(v) => (
            <li class="presence__viewer">
              {v.name} <span class="presence__role">· {roleName(v.role)}</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
