// The live feeds in the browser (a project's totals, a province's cards): the LiveFeed rules
// (connection.ts) wired to a real WebSocket, the page's online/offline events and Solid signals.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { apiClient } from "../api";
import type { LiveState } from "./apply";
import { LiveFeed, type ConnectionStatus, type FeedSocket, type SocketHandlers } from "./connection";
import { projectFeedModel, type FeedModel } from "./feed-model";
import { nationalFeedModel, provinceFeedModel, type HubState } from "./hub-apply";
import type { ProjectCard } from "../../../schema/project-card";
import type { ProvinceSummary } from "../../../schema/province-summary";

export interface LiveConnection {
  state: Accessor<LiveState>;
  status: Accessor<ConnectionStatus>;
  /** Epoch ms of the last message of any kind (pongs included), or null. */
  lastMessageAt: Accessor<number | null>;
  /** Tell the others which report this page shows (null: none). */
  viewing(reportId: string | null): void;
}

/** A feed's state and connection for the lifetime of the calling Solid owner, wired to a real WebSocket
 * and to the page's online/offline events. */
function openFeed<S, M extends { type: string }>(url: (since: number | null) => string, model: FeedModel<S, M>) {
  const [state, setState] = createSignal<S>(model.initial());
  const [status, setStatus] = createSignal<ConnectionStatus>("connecting");
  const [lastMessageAt, setLastMessageAt] = createSignal<number | null>(null);
  const feed = new LiveFeed<S, M>({
    url,
    model,
    openSocket: openBrowserSocket,
    onState: (s) => setState(() => s),
    onStatus: setStatus,
    onMessageAt: setLastMessageAt,
    isOnline: () => navigator.onLine,
  });
  const online = () => feed.online();
  const offline = () => feed.offline();
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  feed.start();
  onCleanup(() => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
    feed.stop();
  });
  return { feed, state, status, lastMessageAt };
}

/** One project's feed for the lifetime of the calling Solid owner (a component or createRoot). */
export function createLiveConnection(projectId: string): LiveConnection {
  const { feed, state, status, lastMessageAt } = openFeed((since) => liveUrl(projectId, since), projectFeedModel);
  return { state, status, lastMessageAt, viewing: (reportId) => feed.viewing(reportId) };
}

/** A province's cards over one socket (worker/routes/province-live.ts), for the calling Solid owner. */
export function createProvinceConnection(provinceId: string): ProvinceConnection {
  const { state, status } = openFeed(() => wsUrl(apiClient().provinces[":provinceId"].live.$url({ param: { provinceId } })), provinceFeedModel);
  return { state, status };
}

/** The provinces the signed-in user watches whole, a line each (the national feed), for the calling Solid owner. */
export function createNationalConnection(): NationalConnection {
  const { state, status } = openFeed(() => wsUrl(apiClient().national.live.$url()), nationalFeedModel);
  return { state, status };
}

export interface HubConnection<T> {
  state: Accessor<HubState<T>>;
  status: Accessor<ConnectionStatus>;
}
export type ProvinceConnection = HubConnection<ProjectCard>;
export type NationalConnection = HubConnection<ProvinceSummary>;

const wsUrl = (url: URL): string => {
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
};

/** The route's path comes from the typed client (worker/routes/live.ts); the scheme follows the page's.
 * Who is watching is the signed-in user of the session cookie, which the browser sends with the upgrade. */
function liveUrl(projectId: string, since: number | null): string {
  const url = apiClient().projects[":projectId"].live.$url({ param: { projectId } });
  if (since !== null) url.searchParams.set("since", String(since));
  url.searchParams.set("frames", "compact");
  return wsUrl(url);
}

function openBrowserSocket(url: string, on: SocketHandlers): FeedSocket {
  const ws = new WebSocket(url);
  ws.addEventListener("open", () => on.open());
  ws.addEventListener("message", (ev) => {
    if (typeof ev.data === "string") on.message(ev.data);
  });
  ws.addEventListener("close", (ev) => on.close(ev.code));
  return { send: (text) => ws.send(text), close: () => ws.close(1000) };
}
