import { createRoot, createSignal, onCleanup } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyLiveState } from "../../web/src/live/apply";
import type { LiveConnection } from "../../web/src/live/live-connection";
import { KEEP_OPEN_MS, createFeeds } from "../../web/src/store/feeds";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Feeds over fake connections that count how often they were opened and closed. */
function fakeFeeds() {
  const opened: string[] = [];
  const closed: string[] = [];
  const feeds = createFeeds((projectId) => {
    opened.push(projectId);
    const [state] = createSignal(emptyLiveState());
    onCleanup(() => closed.push(projectId));
    return { state, status: () => "live", lastMessageAt: () => null, viewing: () => {} } satisfies LiveConnection;
  });
  return { feeds, opened, closed };
}

describe("createFeeds", () => {
  it("shares one feed per project between views, and keeps it a while after the last view closes", () => {
    const { feeds, opened, closed } = fakeFeeds();
    const view = () => createRoot((dispose) => (feeds.use("p1"), dispose));
    const card = view();
    const page = view(); // the project page opened from the overview card
    expect(opened).toEqual(["p1"]);
    card();
    page();
    expect(closed).toEqual([]);
    vi.advanceTimersByTime(KEEP_OPEN_MS - 1);
    const again = view(); // back within the grace period: the same feed, its seq and totals kept
    vi.advanceTimersByTime(KEEP_OPEN_MS);
    expect(opened).toEqual(["p1"]);
    expect(closed).toEqual([]);
    again();
    vi.advanceTimersByTime(KEEP_OPEN_MS);
    expect(closed).toEqual(["p1"]);
    expect(feeds.openCount()).toBe(0);
  });

  it("closes every feed on sign-out", () => {
    const { feeds, closed } = fakeFeeds();
    createRoot(() => {
      feeds.use("p1");
      feeds.use("p2");
    });
    feeds.closeAll();
    expect(closed.sort()).toEqual(["p1", "p2"]);
  });
});
