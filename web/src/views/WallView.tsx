import { For, Show, createMemo, createSignal, onCleanup, onMount } from "solid-js";
import "../styles/wall.css";
import "../styles/wall-boxes.css";
import { useApp } from "../store/context";
import { t, tf } from "../i18n";
import { searchParams } from "../router";
import { ConnectionAnnouncement } from "../components/ConnectionAnnouncement";
import { WallProject } from "../components/wall/WallProject";

/** Seconds each project stays on screen; `/wall?every=30` changes it. */
const DEFAULT_EVERY_S = 20;

/** Opens the next project's feed while the wall shows this one, so it comes round with live figures
 * already in: a screen holds two project sockets, not one per project of the province. */
function HoldFeed(props: { projectId: string }) {
  useApp().feeds.use(props.projectId);
  return null;
}

/** The meeting room's big screen: dark, large type, rotating through every project the
 * signed-in account may see, with no one touching it. Feeds, the session and the project list all
 * retry by themselves (store/context.tsx, live/connection.ts), so it recovers from network loss and
 * server restarts unattended. */
export default function WallView() {
  const app = useApp();
  const projects = createMemo(() => app.projects.projects());
  const every = () => {
    const s = Number(searchParams().get("every"));
    return Number.isFinite(s) && s >= 3 ? s : DEFAULT_EVERY_S;
  };
  const [index, setIndex] = createSignal(0);
  const current = () => {
    const list = projects();
    return list.length > 0 ? list[index() % list.length] : undefined;
  };
  const next = () => {
    const list = projects();
    return list.length > 1 ? list[(index() + 1) % list.length] : undefined;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  let lock: { release(): Promise<void> } | null = null;
  // The screen must not sleep: the Screen Wake Lock is released whenever the tab is hidden, so ask again.
  const wake = async () => {
    try {
      const nav = navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<{ release(): Promise<void> }> } };
      if (document.visibilityState === "visible") lock = (await nav.wakeLock?.request("screen")) ?? null;
    } catch {
      // not supported or not allowed: the screen's own settings decide
    }
  };
  onMount(() => {
    document.documentElement.classList.add("theme-wall");
    timer = setInterval(() => setIndex((i) => i + 1), every() * 1000);
    void wake();
    document.addEventListener("visibilitychange", wake);
  });
  onCleanup(() => {
    document.documentElement.classList.remove("theme-wall");
    clearInterval(timer);
    document.removeEventListener("visibilitychange", wake);
    void lock?.release().catch(() => undefined);
  });
  return (
    <div class="wall">
      {/* Said once per change of the shown project's connection, not again as the projects rotate. */}
      <ConnectionAnnouncement>
        <Show when={next()} keyed>
          {(p) => <HoldFeed projectId={p.id} />}
        </Show>
        <Show when={current()} keyed fallback={<p class="wall__empty">{app.projects.provinces() ? t("picker.none") : t("project.loading")}</p>}>
          {(p) => <WallProject projectId={p.id} province={app.projects.provinceOf(p.id)?.name ?? ""} />}
        </Show>
        {/* Says the screen runs on a display code, not someone's account (store/display.ts). */}
        <Show when={app.display.info()}>{(d) => <p class="wall__display">{tf("wall.display", { name: d().display.name })}</p>}</Show>
        <Show when={projects().length > 1}>
          <ol class="wall__dots" aria-label={t("wall.rotation")}>
            <For each={projects()}>{(p, i) => <li classList={{ "wall__dot--on": i() === index() % projects().length }} title={p.name} />}</For>
          </ol>
        </Show>
      </ConnectionAnnouncement>
    </div>
  );
}
