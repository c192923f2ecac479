// The dashboard's live connection: reconnect with backoff, resume from the last seq, keep-alive pings.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PING, PONG, type ServerMessage } from "../../schema/wire";
import { emptyLiveState, fondsKindKey, type LiveState } from "../../web/src/live/apply";
import { BACKOFF_MAX_MS, LiveFeed, PING_INTERVAL_MS, SILENCE_LIMIT_MS, backoffDelay, type ConnectionStatus, type SocketHandlers } from "../../web/src/live/connection";
import { NO_DAYS, FONDS, cell, snapshot, delta } from "./live-feed-fixtures";

/** A socket the test drives by hand; LiveFeed cannot tell it from the browser's. */
class FakeServer {
  sockets: { url: string; on: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  open = (url: string, on: SocketHandlers) => {
    const socket = { url, on, sent: [] as string[], closed: false };
    this.sockets.push(socket);
    return { send: (text: string) => void socket.sent.push(text), close: () => void (socket.closed = true) };
  };
  get last() {
    const s = this.sockets.at(-1);
    if (!s) throw new Error("no socket opened");
    return s;
  }
  push(message: ServerMessage | string) {
    this.last.on.message(typeof message === "string" ? message : JSON.stringify(message));
  }
}

describe("LiveFeed", () => {
  let server: FakeServer;
  let statuses: ConnectionStatus[];
  let state: LiveState;
  let online: boolean;
  let feed: LiveFeed;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    statuses = [];
    state = emptyLiveState();
    online = true;
    feed = new LiveFeed({
      url: (since) => (since === null ? "ws://x/live" : `ws://x/live?since=${since}`),
      openSocket: server.open,
      onState: (s) => (state = s),
      onStatus: (s) => statuses.push(s),
      onMessageAt: () => {},
      isOnline: () => online,
      random: () => 1,
    });
    feed.start();
  });

  afterEach(() => {
    feed.stop();
    vi.useRealTimers();
  });

  it("backs off from 0.5 s doubling to 15 s, jittered down to at most half", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(20, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });

  it("goes live on the snapshot and pings every 20 s", () => {
    expect(statuses).toEqual(["connecting"]);
    server.last.on.open();
    server.push(snapshot(3));
    expect(statuses).toEqual(["connecting", "live"]);
    expect(state.seq).toBe(3);
    vi.advanceTimersByTime(PING_INTERVAL_MS * 2);
    expect(server.last.sent).toEqual([PING, PING]);
    expect(PING).toBe('{"type":"ping"}');
  });

  it("sends one resync per gap and takes the replay", () => {
    server.last.on.open();
    server.push(snapshot(3));
    server.push(delta(5, 6, [cell("1", "files", 1)]));
    server.push(delta(6, 7, [cell("1", "files", 1)]));
    expect(server.last.sent).toEqual([JSON.stringify({ type: "resync", since: 3 })]);
    server.push({ type: "plan", fonds: FONDS, stations: [], calendar: NO_DAYS });
    server.push(delta(3, 7, [cell("1", "files", 9)]));
    expect(state.seq).toBe(7);
    expect(state.fondsTotals.get(fondsKindKey("1", "files"))).toBe(9);
  });

  it("reconnects with backoff after a close and resumes from the held seq", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close();
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.last.url).toBe("ws://x/live?since=8");
    server.last.on.close(); // refused again: the wait doubles
    vi.advanceTimersByTime(999);
    expect(server.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(3);
    server.last.on.open();
    server.push({ type: "plan", fonds: FONDS, stations: [], calendar: NO_DAYS });
    server.push(delta(8, 9, [cell("1", "files", 1)]));
    expect(statuses.at(-1)).toBe("live");
    expect(state.seq).toBe(9);
  });

  it("reconnects at once for a full snapshot when the server says the watcher's access changed (4003)", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close(4003);
    expect(server.sockets).toHaveLength(2);
    expect(server.last.url).toBe("ws://x/live");
    server.last.on.close(); // that attempt failed: back off, still without `since` until a snapshot comes
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live");
    server.last.on.open();
    server.push(snapshot(9));
    expect(state.seq).toBe(9);
    server.last.on.close();
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=9");
  });

  it("backs off as before after a session ended (4001)", () => {
    server.last.on.open();
    server.push(snapshot(8));
    server.last.on.close(4001);
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=8");
  });

  it("takes a socket silent for 45 s for dead, while pongs keep it alive", () => {
    server.last.on.open();
    server.push(snapshot(1));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(PING_INTERVAL_MS);
      server.push(PONG);
    }
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(SILENCE_LIMIT_MS);
    expect(server.sockets[0]!.closed).toBe(true);
    expect(statuses.at(-1)).toBe("reconnecting");
    vi.advanceTimersByTime(500);
    expect(server.last.url).toBe("ws://x/live?since=1");
  });

  it("ignores events of a socket it has already dropped", () => {
    server.last.on.open();
    server.push(snapshot(2));
    const old = server.last;
    vi.advanceTimersByTime(SILENCE_LIMIT_MS + 500);
    old.on.message(JSON.stringify(snapshot(99)));
    old.on.close();
    expect(state.seq).toBe(2);
    expect(server.sockets).toHaveLength(2);
  });

  it("says offline while the browser is offline and reconnects at once when it is back", () => {
    server.last.on.open();
    server.push(snapshot(4));
    online = false;
    feed.offline();
    server.last.on.close();
    expect(statuses.at(-1)).toBe("offline");
    online = true;
    feed.online();
    expect(server.sockets).toHaveLength(2);
    expect(server.last.url).toBe("ws://x/live?since=4");
    expect(statuses.at(-1)).toBe("reconnecting");
  });

  it("says offline after repeated failures", () => {
    for (let i = 0; i < 6; i++) {
      server.last.on.close();
      vi.advanceTimersByTime(BACKOFF_MAX_MS);
    }
    expect(statuses.at(-1)).toBe("offline");
  });
});
