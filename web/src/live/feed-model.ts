// What a live feed holds and how each message moves it, apart from the socket rules of connection.ts:
// a project's totals (apply.ts) here; a province's cards and the national lines in hub-apply.ts. Pure.
import type { ServerMessage } from "../../../schema/wire";
import { applyMessage, emptyLiveState, type LiveState } from "./apply";

/** What a feed holds and how each message moves it: pure, so each feed's rules are tested apart. */
export interface FeedModel<S, M extends { type: string }> {
  initial(): S;
  apply(state: S, msg: M): { state: S; resyncFrom?: number };
  /** The seq to resume after, null before the first whole state (or for a feed that always starts whole). */
  seq(state: S): number | null;
  /** Whether the state is whole: the first snapshot arrived. */
  ready(state: S): boolean;
  /** A message that replaces the whole state (after which nothing old is held). */
  isWhole(msg: M): boolean;
}

/** A project's totals (apply.ts). */
export const projectFeedModel: FeedModel<LiveState, ServerMessage> = {
  initial: emptyLiveState,
  apply: applyMessage,
  seq: (s) => s.seq,
  ready: (s) => s.seq !== null,
  isWhole: (m) => m.type === "snapshot",
};

