// What a project's room shows its readers, made from its state: the snapshot of each audience (cached
// per seq), the province overview's summary, and the project's cards, which it also pushes to its
// province (province-push.ts). worker/live/room.ts owns the state and calls these.
import type { AudienceCards } from "../../schema/province-wire";
import type { AlertView, Snapshot } from "../../schema/wire";
import type { ProjectPlan } from "./plan";
import { cardsOf, ProvincePush, type CardSource } from "./province-push";
import { buildSnapshot } from "./snapshot";
import type { LiveStore } from "./store";
import { summarize, type ProjectSummary } from "./summary";
import { audienceFor } from "./visibility";

export class Readouts {
  /** Per audience, the last snapshot and the store seq it was built at. */
  private readonly snapshots = new Map<boolean, { seq: number; snap: Snapshot }>();
  private readonly source: CardSource;
  private readonly toProvince: ProvincePush;

  constructor(
    private readonly store: LiveStore,
    private readonly plan: () => ProjectPlan | null,
    alertList: (seesRestricted: boolean) => AlertView[],
    deliverCards: (provinceId: string, cards: AudienceCards) => Promise<void>,
  ) {
    this.source = {
      snapshot: (r) => this.snapshot(r),
      alertList,
      hasRestricted: () => audienceFor(this.plan()?.fonds ?? [], false).hidden.size > 0,
    };
    this.toProvince = new ProvincePush(this.source, async (cards) => {
      const p = this.plan();
      if (p) await deliverCards(p.project.provinceId, cards);
    });
  }

  /** Totals as of the current seq, as `seesRestricted` may see them. */
  snapshot(seesRestricted: boolean): Snapshot | null {
    const plan = this.plan();
    if (!plan) return null;
    const cached = this.snapshots.get(seesRestricted);
    if (cached?.seq === this.store.seq) return cached.snap;
    const snap = buildSnapshot(this.store, plan, audienceFor(plan.fonds, seesRestricted), Date.now());
    this.snapshots.set(seesRestricted, { seq: this.store.seq, snap });
    return snap;
  }

  summary(seesRestricted: boolean): ProjectSummary | null {
    const snap = this.snapshot(seesRestricted);
    return snap && summarize(snap, this.source.alertList(seesRestricted));
  }

  cards(now: number): AudienceCards | null {
    return cardsOf(this.source, now);
  }

  /** Counters, alerts or the plan changed: the card travels (a snapshot is made again when the seq moves). */
  changed(now = Date.now()): void {
    this.toProvince.changed(now);
  }

  /** The plan was reloaded: what each audience sees may differ at the same seq. */
  planChanged(): void {
    this.snapshots.clear();
  }
}
