// Which items each watcher of a hub (hub.ts) gets: each as its audience may see it (restricted fonds
// only for those who may, worker/live/visibility.ts), and only of the parts it may watch. Pure.
import { patchOf } from "../../schema/patch";
import type { ProjectCard } from "../../schema/project-card";
import type { AudienceCards } from "../../schema/province-wire";

/** What a hub's socket carries across hibernation: whose it is and what it may see. */
export interface HubWatcher {
  /** The session behind the socket (hash), so signing out closes it; null for the operator. */
  sessionId: string | null;
  /** part id (a project, a province) → may this watcher see its restricted fonds? Parts not listed are not its. */
  sees: Record<string, boolean>;
}

export type View<Item> = (item: Item, seesRestricted: boolean) => unknown;

/** A project's card for one audience. */
export function cardFor(cards: AudienceCards, seesRestricted: boolean): ProjectCard {
  return seesRestricted ? cards.all : (cards.public ?? cards.all);
}

/** The watcher's views of the items among `ids`, in the order given. */
export function itemsFor<Item>(watcher: HubWatcher, ids: Iterable<string>, held: ReadonlyMap<string, Item>, view: View<Item>): unknown[] {
  const out: unknown[] = [];
  for (const id of ids) {
    const sees = watcher.sees[id];
    const item = held.get(id);
    if (sees !== undefined && item !== undefined) out.push(view(item, sees));
  }
  return out;
}

/**
 * One text per distinct view: watchers who may see the same parts the same way get the same bytes,
 * built once (a province's leaders mostly share one view). Each part travels as a patch on what every
 * watcher already holds (`sent`: the last broadcast); watchers with nothing changed get nothing.
 */
export function changeTexts<W, Item>(
  watchers: readonly { socket: W; watcher: HubWatcher }[],
  changed: ReadonlySet<string>,
  sent: ReadonlyMap<string, Item>,
  held: ReadonlyMap<string, Item>,
  view: View<Item>,
  idKey: string,
  message: (patches: unknown[]) => string,
): { socket: W; text: string }[] {
  const byView = new Map<string, string | null>();
  const out: { socket: W; text: string }[] = [];
  for (const { socket, watcher } of watchers) {
    const key = JSON.stringify([...changed].map((id) => watcher.sees[id] ?? null));
    let text = byView.get(key);
    if (text === undefined) {
      const patches: unknown[] = [];
      for (const id of changed) {
        const sees = watcher.sees[id];
        const now = held.get(id);
        if (sees === undefined || now === undefined) continue;
        const before = sent.get(id);
        const patch = patchOf(before === undefined ? undefined : view(before, sees), view(now, sees), [idKey]);
        if (patch) patches.push(patch);
      }
      text = patches.length > 0 ? message(patches) : null;
      byView.set(key, text);
    }
    if (text !== null) out.push({ socket, text });
  }
  return out;
}
