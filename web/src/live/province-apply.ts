// What the province feed holds (schema/province-wire.ts): the latest card of each project, by the rules
// of the feed client (connection.ts). Pure.
import type { ProjectCard } from "../../../schema/project-card";
import type { ProvinceMessage } from "../../../schema/province-wire";
import type { FeedModel } from "./connection";

export interface ProvinceState {
  cards: ReadonlyMap<string, ProjectCard>;
  /** The whole province arrived (the first message of a socket). */
  whole: boolean;
}

export const provinceFeedModel: FeedModel<ProvinceState, ProvinceMessage> = {
  initial: () => ({ cards: new Map(), whole: false }),
  apply(state, msg) {
    if (msg.type !== "cards" || !Array.isArray(msg.cards)) return { state };
    // A whole message replaces what is held: a project the watcher may no longer see goes.
    const cards = new Map(msg.whole ? [] : state.cards);
    for (const c of msg.cards) cards.set(c.projectId, c);
    return { state: { cards, whole: state.whole || msg.whole } };
  },
  // Every socket starts with the whole province: nothing to resume from.
  seq: () => null,
  ready: (s) => s.whole,
  isWhole: (m) => m.type === "cards" && m.whole,
};
