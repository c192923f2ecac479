// What the overview's feeds hold (schema/province-wire.ts): a province's cards, one per project, and the
// nation's lines, one per province; the latest of each, by the rules of the feed client (connection.ts). Pure.
import { applyPatch } from "../../../schema/patch";
import type { ProjectCard } from "../../../schema/project-card";
import type { ProvinceSummary } from "../../../schema/province-summary";
import type { NationalMessage, ProvinceMessage } from "../../../schema/province-wire";
import type { FeedModel } from "./feed-model";

export interface HubState<T> {
  items: ReadonlyMap<string, T>;
  /** The whole set arrived (the first message of a socket). */
  whole: boolean;
}

function hubFeedModel<T, M extends { type: string; whole: boolean }>(type: M["type"], itemsOf: (m: M) => Partial<T>[], idOf: (item: Partial<T>) => string): FeedModel<HubState<T>, M> {
  return {
    initial: () => ({ items: new Map(), whole: false }),
    apply(state, msg) {
      const items = msg.type === type ? itemsOf(msg) : null;
      if (!Array.isArray(items)) return { state };
      // A whole message replaces what is held: a part the watcher may no longer see goes.
      const next = new Map(msg.whole ? [] : state.items);
      // A change carries only the fields that changed (a new part comes whole).
      for (const item of items) next.set(idOf(item), applyPatch<T>(next.get(idOf(item)), item));
      return { state: { items: next, whole: state.whole || msg.whole } };
    },
    // Every socket starts with the whole set: nothing to resume from.
    seq: () => null,
    ready: (s) => s.whole,
    isWhole: (m) => m.type === type && m.whole,
  };
}

export const provinceFeedModel = hubFeedModel<ProjectCard, ProvinceMessage>("cards", (m) => m.cards, (c) => c.projectId!);
export const nationalFeedModel = hubFeedModel<ProvinceSummary, NationalMessage>("provinces", (m) => m.provinces, (p) => p.provinceId!);
