// One project's live feed in the browser: the LiveFeed rules (connection.ts) wired to a real WebSocket,
// the page's online/offline events and Solid signals.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { apiClient } from "../api";
import { emptyLiveState, type LiveState } from "./apply";
import { LiveFeed, type ConnectionStatus, type FeedSocket, type SocketHandlers } from "./connection";

export interface LiveConnection {
  state: Accessor<LiveState>;
  status: Accessor<ConnectionStatus>;
  /** Epoch ms of the last message of any kind (pongs included), or null. */
  lastMessageAt: Accessor<number | null>;
  /** Tell the others which report this page shows (null: none). */
  viewing(reportId: string | null): void;
}

/** One project's feed for the lifetime of the calling Solid owner (a component or createRoot). */
export function createLiveConnection(projectId: string): LiveConnection {
  const [state, setState] = createSignal<LiveState>(emptyLiveState());
  const [status, setStatus] = createSignal<ConnectionStatus>("connecting");
  const [lastMessageAt, setLastMessageAt] = createSignal<number | null>(null);
  const feed = new LiveFeed({
    url: (since) => liveUrl(projectId, since),
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
  return { state, status, lastMessageAt, viewing: (reportId) => feed.viewing(reportId) };
}

/** The route's path comes from the typed client (worker/routes/live.ts); the scheme follows the page's.
 * Who is watching is the signed-in user of the session cookie, which the browser sends with the upgrade. */
function liveUrl(projectId: string, since: number | null): string {
  const url = apiClient().projects[":projectId"].live.$url({ param: { projectId } });
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  if (since !== null) url.searchParams.set("since", String(since));
  url.searchParams.set("frames", "compact");
  return url.href;
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
