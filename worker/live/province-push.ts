// A project's card on its province's overview (schema/project-card.ts), kept current in the province's
// Durable Object (worker/province/room.ts): after counters, alert changes or a new plan the card is
// made again for each audience and sent, at most once per CARD_INTERVAL_MS and only when it changed.
// So a province of 50 busy projects gets at most 100 small updates a second, its watchers two messages.
import { cardInputOf, projectCard } from "../../schema/project-card";
import { CARD_INTERVAL_MS, type AudienceCards } from "../../schema/province-wire";
import type { AlertView, Snapshot } from "../../schema/wire";

export interface CardSource {
  snapshot(seesRestricted: boolean): Snapshot | null;
  alertList(seesRestricted: boolean): AlertView[];
  /** Does the project have fonds a leader may not see (so leaders' card differs)? */
  hasRestricted(): boolean;
}

/** Both audiences' cards of the project now; null without a plan. */
export function cardsOf(source: CardSource, now: number): AudienceCards | null {
  const all = source.snapshot(true);
  if (!all) return null;
  const card = (snap: Snapshot, seesRestricted: boolean) => projectCard(cardInputOf(snap), source.alertList(seesRestricted), now);
  const pub = source.hasRestricted() ? source.snapshot(false) : null;
  return { all: card(all, true), public: pub && card(pub, false) };
}

export class ProvincePush {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = 0;
  private lastSent = "";

  constructor(
    private readonly source: CardSource,
    private readonly deliver: (cards: AudienceCards) => Promise<void>,
  ) {}

  /** Something on the card may have changed: it travels within CARD_INTERVAL_MS. */
  changed(now = Date.now()): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => void this.push(), Math.max(0, this.lastAt + CARD_INTERVAL_MS - now));
  }

  private async push(): Promise<void> {
    this.timer = null;
    const now = Date.now();
    this.lastAt = now;
    const cards = cardsOf(this.source, now);
    if (!cards) return;
    const text = JSON.stringify(cards);
    if (text === this.lastSent) return;
    try {
      await this.deliver(cards);
      this.lastSent = text;
    } catch (err) {
      // The province object is being replaced (a deploy): the next interval tries again.
      console.error("province card not delivered:", String(err));
      this.changed();
    }
  }
}
