// The province feed (GET /api/v1/provinces/:provinceId/live): one socket gives a leader every project of
// a province as a card (schema/project-card.ts). First every card the watcher may see, whole; then the
// cards that changed, at most about once a second. Pings are answered as on a project's feed (wire.ts).
import type { ProjectCard } from "./project-card";

/** A project's card for each audience: `public` is what leaders see, null when it is the same as `all`
 * (the project has no restricted fonds), so it is neither stored nor sent twice. */
export interface AudienceCards {
  all: ProjectCard;
  public: ProjectCard | null;
}

export interface ProvinceCards {
  type: "cards";
  /** The whole province as this watcher may see it (on connect); otherwise only cards that changed. */
  whole: boolean;
  cards: ProjectCard[];
  at: number;
}

export type ProvinceMessage = ProvinceCards;

/** How often a project's card travels to its province, and the province's changes to its watchers. */
export const CARD_INTERVAL_MS = 1_000;
