import { For, Show, createEffect, createSignal, onCleanup } from "solid-js";
import { t } from "../i18n";
import { ConnectionAnnouncement, useAnnouncedConnection } from "../components/ConnectionAnnouncement";
import { ProjectCard } from "../components/ProjectCard";
import { Link } from "../components/Link";
import { NationalTable } from "../components/NationalTable";
import { createNationalConnection, createProvinceConnection, type ProvinceConnection } from "../live/live-connection";
import { watchesProvince } from "../roles";
import { createAttention, type Attention } from "../store/attention";
import { useApp } from "../store/context";
import { useProjectCard } from "../store/project-card";
import type { ProjectRef, Province } from "../store/projects";

/** Up to this many provinces watched whole, each shows its cards at once; more fold under the national lines. */
const UNFOLDED_PROVINCES = 3;
/** Sections wait for each other this long at most: a feed that does not answer does not hold the page. */
const WAIT_FOR_ALL_MS = 5_000;

/** Leadership's one page: every project of every province the user may see, live, with what needs
 * attention (not started, reports overdue, stations silent) on each card. Its feeds' connection is
 * announced as one (ConnectionAnnouncement); each card's dot only shows its own. */
export default function Overview() {
  const app = useApp();
  const provinces = () => (app.projects.provinces() ?? []).filter((p) => p.projects.length > 0);
  const wholeProvince = (id: string) => watchesProvince(app.session.me()?.memberships ?? [], id);
  const watched = () => provinces().filter((p) => wholeProvince(p.id));
  // Someone who watches many provinces reads the national lines first; a province's cards (its own
  // socket) open when its section does, so 63 provinces are not 63 sockets.
  const folded = () => watched().length > UNFOLDED_PROVINCES;
  // The sections appear together once each has its cards and flags: one that filled first would
  // otherwise grow and push the next down (layout shift). Until then they take no space.
  const [ready, setReady] = createSignal<ReadonlySet<string>>(new Set());
  const [waited, setWaited] = createSignal(false);
  const timer = setTimeout(() => setWaited(true), WAIT_FOR_ALL_MS);
  onCleanup(() => clearTimeout(timer));
  const shown = () => waited() || provinces().every((p) => (wholeProvince(p.id) && folded()) || ready().has(p.id));
  const markReady = (id: string) => setReady((r) => new Set([...r, id]));
  return (
    <div class="view">
      <ConnectionAnnouncement>
        <div class="view__head">
          <h1 class="view__title">{t("overview.title")}</h1>
          <Link class="button button--quiet" href="/wall">
            {t("nav.wall")}
          </Link>
        </div>
        <Show when={watched().length > 1}>
          <National provinces={watched()} folded={folded()} />
        </Show>
        <Show when={provinces().length > 0} fallback={<p class="notice">{t("picker.none")}</p>}>
          <Show when={!shown()}>
            <p class="empty">{t("project.loading")}</p>
          </Show>
          <div class="overview__sections" classList={{ "overview__sections--waiting": !shown() }}>
            <For each={provinces()}>
              {(province) =>
                wholeProvince(province.id) ? (
                  folded() ? (
                    <FoldedProvince province={province} />
                  ) : (
                    <WatchedProvince province={province} onReady={() => markReady(province.id)} />
                  )
                ) : (
                  <ProvinceSection province={province} onReady={() => markReady(province.id)} />
                )
              }
            </For>
          </div>
        </Show>
      </ConnectionAnnouncement>
    </div>
  );
}

/** The national lines, over one socket for as long as they are shown. A connection is made in a
 * component's body: made in a JSX attribute it would be made again at every read of the prop. */
function National(props: { provinces: Province[]; folded: boolean }) {
  const feed = createNationalConnection();
  useAnnouncedConnection(feed.status);
  return <NationalTable feed={feed} provinces={props.provinces} folded={props.folded} />;
}

/** A province of many: its name, and its cards once opened. */
function FoldedProvince(props: { province: Province }) {
  const [open, setOpen] = createSignal(false);
  return (
    <details class="province-fold" id={`fold-${props.province.id}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="section-title">
        {t("picker.province")} {props.province.name}
      </summary>
      <Show when={open()}>
        <WatchedProvince province={props.province} />
      </Show>
    </details>
  );
}

/** Someone with a role on the whole province: one socket brings every project's card. */
function WatchedProvince(props: { province: Province; onReady?: () => void }) {
  const feed = createProvinceConnection(props.province.id);
  useAnnouncedConnection(feed.status);
  return <ProvinceSection province={props.province} feed={feed} onReady={props.onReady} />;
}

/** A project seen through a role on it alone: its own feed makes its card. */
function OwnFeedCard(props: { projectId: string; name: string; archivedAt: number | null | undefined; attention: Attention | undefined; ready: boolean }) {
  const own = useProjectCard(props.projectId);
  useAnnouncedConnection(own.connection);
  return (
    <ProjectCard
      projectId={props.projectId}
      name={props.name}
      archivedAt={props.archivedAt}
      card={own.card()}
      connection={own.connection()}
      attention={props.attention}
      attentionReady={props.ready}
    />
  );
}

/** `onReady`: once its flags, and its cards when they come over the province's feed, are in. */
function ProvinceSection(props: { province: Province; feed?: ProvinceConnection; onReady?: () => void }) {
  const attention = createAttention(props.province.id);
  const running = () => props.province.projects.filter((p) => !p.archivedAt);
  const archived = () => props.province.projects.filter((p) => p.archivedAt);
  const card = (p: ProjectRef) => {
    const feed = props.feed;
    return feed ? (
      <ProjectCard
        projectId={p.id}
        name={p.name}
        archivedAt={p.archivedAt}
        card={feed.state().items.get(p.id)}
        connection={feed.status()}
        attention={attention(p.id)}
        attentionReady={attention.ready()}
      />
    ) : (
      <OwnFeedCard projectId={p.id} name={p.name} archivedAt={p.archivedAt} attention={attention(p.id)} ready={attention.ready()} />
    );
  };
  createEffect(() => {
    if (attention.ready() && (!props.feed || props.feed.state().whole)) props.onReady?.();
  });
  return (
    <section class="province" aria-labelledby={`province-${props.province.id}`}>
      <h2 id={`province-${props.province.id}`} class="section-title">
        {t("picker.province")} {props.province.name}
      </h2>
      <div class="cards">
        <For each={running()}>{card}</For>
      </div>
      {/* Finished projects stay readable and reported, apart from the work going on. */}
      <Show when={archived().length > 0}>
        <h3 class="section-title overview__archived">{t("archive.archivedProjects")}</h3>
        <div class="cards">
          <For each={archived()}>{card}</For>
        </div>
      </Show>
    </section>
  );
}
