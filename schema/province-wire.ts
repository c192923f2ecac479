// The province feed (GET /api/v1/provinces/:provinceId/live): one socket gives a leader every project of
// a province as a card (schema/project-card.ts). First every card the watcher may see, whole; then the
// changed fields of the cards that changed, at most twice a second. Pings are answered as on a project's feed (wire.ts).
import type { ProjectCard } from "./project-card";
import type { ProvinceSummary } from "./province-summary";

/** A project's card for each audience: `public` is what leaders see, null when it is the same as `all`
 * (the project has no restricted fonds), so it is neither stored nor sent twice. */
export interface AudienceCards {
  all: ProjectCard;
  public: ProjectCard | null;
}

/** A part's changed fields, with its id, nested objects patched in depth (schema/patch.ts): applied over
 * what the watcher holds of it (whole when new). */
export type Patch<T, K extends keyof T> = Pick<T, K> & Partial<T>;

export type ProvinceCards =
  /** The whole province as this watcher may see it (on connect). */
  | { type: "cards"; whole: true; cards: ProjectCard[]; at: number }
  /** The cards that changed, each with only its changed fields. */
  | { type: "cards"; whole: false; cards: Patch<ProjectCard, "projectId">[]; at: number };

export type ProvinceMessage = ProvinceCards;

/** At most how often a project's card travels to its province, and the province's changes to its
 * watchers: a post reaches the overview within two intervals, and a busy province costs each watcher
 * two messages a second whatever its number of projects. */
export const CARD_INTERVAL_MS = 500;

/** The national feed (GET /api/v1/national/live): a line per province the watcher may see, first all of
 * them, then those that changed, at most twice a second. */
export type NationalProvinces =
  | { type: "provinces"; whole: true; provinces: ProvinceSummary[]; at: number }
  | { type: "provinces"; whole: false; provinces: Patch<ProvinceSummary, "provinceId">[]; at: number };

export type NationalMessage = NationalProvinces;
