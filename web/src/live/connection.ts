// The live feeds' WebSocket client: connects, keeps the socket alive, resumes after a drop from the seq
// it holds, and asks for a replay when it sees a gap. What a feed holds moves by its model
// (feed-model.ts): a project's totals (apply.ts; server side worker/live/room.ts), a province's cards
// and the national lines (hub-apply.ts; server side worker/province/). LiveFeed is plain TypeScript so the rules are unit-tested with fake
// sockets and timers (test/unit/live-feed-client.test.ts); live-connection.ts wires it to the browser and Solid.
import { CLOSE_ACCESS_CHANGED, PING, PONG, type ClientMessage, type ServerMessage } from "../../../schema/wire";
import type { LiveState } from "./apply";
import { projectFeedModel, type FeedModel } from "./feed-model";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

/** Keep-alive: the runtime answers PING with PONG without waking the Durable Object. */
export const PING_INTERVAL_MS = 20_000;
/** No message at all for this long and the socket is taken for dead (a half-open TCP connection). */
export const SILENCE_LIMIT_MS = 45_000;
export const BACKOFF_START_MS = 500;
export const BACKOFF_MAX_MS = 15_000;
/** A resync the server did not answer is asked again after this long. */
const RESYNC_RETRY_MS = 10_000;
/** After this many failed attempts in a row the page says "offline" rather than "reconnecting". */
const OFFLINE_AFTER_FAILURES = 5;

/** Wait before attempt `failures + 1`: 0.5 s doubling to 15 s, jittered down to half so that every
 * dashboard does not come back in the same instant after a deploy drops all sockets. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** failures);
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  /** Also after an error: browsers always follow `error` with `close`. `code` is the close frame's. */
  close(code?: number): void;
}

export interface FeedSocket {
  send(text: string): void;
  close(): void;
}

export interface LiveFeedOptions<S = LiveState, M extends { type: string } = ServerMessage> {
  /** The feed URL, resuming after `since` when it is not null. */
  url(since: number | null): string;
  openSocket(url: string, on: SocketHandlers): FeedSocket;
  /** Defaults to a project's totals. */
  model?: FeedModel<S, M>;
  onState(state: S): void;
  onStatus(status: ConnectionStatus): void;
  onMessageAt(at: number): void;
  isOnline?(): boolean;
  random?(): number;
}

export class LiveFeed<S = LiveState, M extends { type: string } = ServerMessage> {
  private readonly model: FeedModel<S, M>;
  private state: S;
  private status: ConnectionStatus | null = null;
  private socket: FeedSocket | null = null;
  /** Bumped whenever a socket is dropped, so late events of an old socket are ignored. */
  private generation = 0;
  private open = false;
  private failures = 0;
  private stopped = false;
  private resyncAsked: { since: number; at: number } | null = null;
  /** The watcher's rights changed: what is held may show fonds it may no longer see, so resume from a
   * full snapshot, not from the held seq, until one arrives. */
  private needsSnapshot = false;
  /** The report the page shows, told again on every new socket (presence lives with the socket). */
  private viewingReport: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: LiveFeedOptions<S, M>) {
    this.model = opts.model ?? (projectFeedModel as unknown as FeedModel<S, M>);
    this.state = this.model.initial();
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.drop();
    this.clearRetry();
  }

  /** The browser is back online: the old socket is likely dead, so resume now instead of waiting. */
  online(): void {
    if (this.stopped) return;
    this.failures = 0;
    this.clearRetry();
    this.connect();
  }

  offline(): void {
    if (!this.stopped) this.setStatus("offline");
  }

  private connect(): void {
    this.drop();
    this.setStatus(this.failingStatus(!this.model.ready(this.state) && this.failures === 0 ? "connecting" : "reconnecting"));
    const generation = this.generation;
    const current = () => generation === this.generation && !this.stopped;
    this.socket = this.opts.openSocket(this.opts.url(this.needsSnapshot ? null : this.model.seq(this.state)), {
      open: () => {
        if (!current()) return;
        this.open = true;
        this.pingTimer = setInterval(() => this.send(PING), PING_INTERVAL_MS);
        if (this.viewingReport !== null) this.sendViewing();
      },
      message: (text) => {
        if (current()) this.receive(text);
      },
      close: (code) => {
        if (!current()) return;
        if (code === CLOSE_ACCESS_CHANGED.code) this.reconnectForNewRights();
        else this.retry();
      },
    });
    // Armed before `open` too: a connection attempt that hangs counts as silence.
    this.armSilence();
  }

  private receive(text: string): void {
    const at = Date.now();
    this.opts.onMessageAt(at);
    this.armSilence();
    if (text === PONG) return;
    let msg: M;
    try {
      msg = JSON.parse(text) as M;
    } catch {
      return;
    }
    if (typeof msg !== "object" || msg === null || typeof msg.type !== "string") return;
    this.failures = 0;
    if (this.model.isWhole(msg)) this.needsSnapshot = false;
    const { state, resyncFrom } = this.model.apply(this.state, msg);
    if (state !== this.state) {
      this.state = state;
      this.opts.onState(state);
    }
    if (resyncFrom !== undefined) this.askResync(resyncFrom, at);
    if (this.model.ready(state)) this.setStatus("live");
  }

  /** The page now shows this report (null: none), for the others' "Đang xem". */
  viewing(reportId: string | null): void {
    if (reportId === this.viewingReport) return;
    this.viewingReport = reportId;
    this.sendViewing();
  }

  private sendViewing(): void {
    this.send(JSON.stringify({ type: "viewing", reportId: this.viewingReport } satisfies ClientMessage));
  }

  /** One request per gap: deltas that keep arriving before the replay are gaps too. */
  private askResync(since: number, at: number): void {
    const asked = this.resyncAsked;
    if (asked && asked.since === since && at - asked.at < RESYNC_RETRY_MS) return;
    this.resyncAsked = { since, at };
    this.send(JSON.stringify({ type: "resync", since } satisfies ClientMessage));
  }

  private send(text: string): void {
    if (!this.open || !this.socket) return;
    try {
      this.socket.send(text);
    } catch {
      this.retry();
    }
  }

  /** Closed by the server with 4003 (worker/live/evict.ts): come back at once, without backoff. */
  private reconnectForNewRights(): void {
    this.needsSnapshot = true;
    this.failures = 0;
    this.clearRetry();
    this.connect();
  }

  private retry(): void {
    this.drop();
    if (this.stopped || this.retryTimer !== null) return;
    const delay = backoffDelay(this.failures, this.opts.random);
    this.failures++;
    this.setStatus(this.failingStatus("reconnecting"));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private failingStatus(status: ConnectionStatus): ConnectionStatus {
    const online = this.opts.isOnline?.() ?? true;
    return !online || this.failures >= OFFLINE_AFTER_FAILURES ? "offline" : status;
  }

  private armSilence(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.retry(), SILENCE_LIMIT_MS);
  }

  private drop(): void {
    this.generation++;
    this.open = false;
    this.resyncAsked = null;
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.pingTimer = this.silenceTimer = null;
    const socket = this.socket;
    this.socket = null;
    try {
      socket?.close();
    } catch {
      // already closed
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.opts.onStatus(status);
  }
}
