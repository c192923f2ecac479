// What a page with several live feeds says about its connection (the overview's cards, the wall's
// project): one word for them all, the one that most needs saying. Pure.
import type { ConnectionStatus } from "./connection";

/** Worst first: one feed lost is the page not wholly live. */
const RANK: Record<ConnectionStatus, number> = { offline: 0, reconnecting: 1, connecting: 2, live: 3 };

/** The page's status from its feeds' (null: no feed open at the moment). */
export function pageConnection(statuses: readonly ConnectionStatus[]): ConnectionStatus | null {
  let worst: ConnectionStatus | null = null;
  for (const s of statuses) if (worst === null || RANK[s] < RANK[worst]) worst = s;
  return worst;
}
