// One live feed per project for the whole page, shared by every view that shows the project: the overview
// card, the project page, its fonds and station pages and the wall read the same state, and moving between
// them neither reopens the WebSocket nor loses the seq it resumes from (live/connection.ts).
import { createRoot, onCleanup } from "solid-js";
import { createLiveConnection, type LiveConnection } from "../live/live-connection";

/** A feed nobody shows stays open this long, so going back and forth between views is instant. */
export const KEEP_OPEN_MS = 30_000;

interface Held {
  connection: LiveConnection;
  dispose: () => void;
  users: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

export function createFeeds(open: (projectId: string) => LiveConnection = createLiveConnection) {
  const held = new Map<string, Held>();

  function acquire(projectId: string): LiveConnection {
    let h = held.get(projectId);
    if (!h) {
      // Its own root: the feed outlives the component that asked first.
      h = createRoot((dispose) => ({ connection: open(projectId), dispose, users: 0, closeTimer: null }));
      held.set(projectId, h);
    }
    if (h.closeTimer !== null) clearTimeout(h.closeTimer);
    h.closeTimer = null;
    h.users++;
    return h.connection;
  }

  function release(projectId: string): void {
    const h = held.get(projectId);
    if (!h || --h.users > 0) return;
    h.closeTimer = setTimeout(() => close(projectId), KEEP_OPEN_MS);
  }

  function close(projectId: string): void {
    const h = held.get(projectId);
    if (!h) return;
    if (h.closeTimer !== null) clearTimeout(h.closeTimer);
    h.dispose();
    held.delete(projectId);
  }

  return {
    /** The project's feed for the lifetime of the calling component. */
    use(projectId: string): LiveConnection {
      const connection = acquire(projectId);
      onCleanup(() => release(projectId));
      return connection;
    },
    /** Signing out: the server closes the session's sockets too (worker/routes/auth.ts). */
    closeAll(): void {
      for (const id of [...held.keys()]) close(id);
    },
    openCount: () => held.size,
  };
}

export type Feeds = ReturnType<typeof createFeeds>;
