// Which card each watcher of a province gets: its own audience's per project (restricted fonds only for
// those who may see them, worker/live/visibility.ts), and only of the projects it may watch. Pure.
import type { ProjectCard } from "../../schema/project-card";
import type { AudienceCards, ProvinceCards } from "../../schema/province-wire";

/** What a province socket carries across hibernation: whose it is and what it may see. */
export interface ProvinceWatcher {
  /** The session behind the socket (hash), so signing out closes it; null for the operator. */
  sessionId: string | null;
  /** project id → may this watcher see that project's restricted fonds? Projects not listed are not its. */
  projects: Record<string, boolean>;
}

export function cardFor(cards: AudienceCards, seesRestricted: boolean): ProjectCard {
  return seesRestricted ? cards.all : (cards.public ?? cards.all);
}

/** The watcher's cards among `projectIds`, in the order given. */
export function cardsFor(watcher: ProvinceWatcher, projectIds: Iterable<string>, held: ReadonlyMap<string, AudienceCards>): ProjectCard[] {
  const out: ProjectCard[] = [];
  for (const id of projectIds) {
    const sees = watcher.projects[id];
    const cards = held.get(id);
    if (sees !== undefined && cards) out.push(cardFor(cards, sees));
  }
  return out;
}

/**
 * One text per distinct view: watchers who may see the same projects the same way get the same bytes,
 * built once (a province's leaders mostly share one view). Watchers with nothing changed get nothing.
 */
export function changeTexts<W>(watchers: readonly { socket: W; watcher: ProvinceWatcher }[], changed: ReadonlySet<string>, held: ReadonlyMap<string, AudienceCards>, at: number): { socket: W; text: string }[] {
  const byView = new Map<string, string | null>();
  const out: { socket: W; text: string }[] = [];
  for (const { socket, watcher } of watchers) {
    const view = JSON.stringify([...changed].map((id) => watcher.projects[id] ?? null));
    let text = byView.get(view);
    if (text === undefined) {
      const cards = cardsFor(watcher, changed, held);
      text = cards.length > 0 ? JSON.stringify({ type: "cards", whole: false, cards, at } satisfies ProvinceCards) : null;
      byView.set(view, text);
    }
    if (text !== null) out.push({ socket, text });
  }
  return out;
}
