// One Durable Object per province (idFromName(provinceId)): the latest card of each of its projects,
// as each project's object pushes it (worker/live/province-push.ts), for the province overview's
// watchers over one socket each (hub.ts). So 500 leaders watching a province of 50 projects hold 500
// sockets here, not 25,000 across the projects. After each change it tells the nation (national.ts)
// its summary, as a leader sees it.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { projects } from "../../schema/db";
import type { ProjectCard } from "../../schema/project-card";
import { summarizeProvince, type ProvinceSummary } from "../../schema/province-summary";
import type { AudienceCards, ProvinceCards } from "../../schema/province-wire";
import { nationalRoomFor, roomFor } from "../lib/app-env";
import { Hub } from "./hub";
import { cardFor } from "./views";

export class ProvinceRoom extends Hub<AudienceCards> {
  private readonly provinceId: string;
  private toNation: Promise<void> = Promise.resolve();
  /** The line last sent to the nation: a change of cards that leaves it alone is not sent. */
  private lineSent = "";

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    if (!ctx.id.name) throw new Error("ProvinceRoom must be addressed with idFromName(provinceId)");
    this.provinceId = ctx.id.name;
  }

  protected view(cards: AudienceCards, seesRestricted: boolean): ProjectCard {
    return cardFor(cards, seesRestricted);
  }

  protected readonly idKey = "projectId";

  protected message(cards: unknown[], whole: boolean, at: number): string {
    return JSON.stringify({ type: "cards", whole, cards: cards as ProjectCard[], at } as ProvinceCards);
  }

  protected fetchItem(projectId: string): Promise<AudienceCards | null> {
    return roomFor(this.env, projectId).provinceCards(Date.now());
  }

  /** The province in one line, as a leader sees it (the national view never shows restricted fonds):
   * the national object asks when it has none, so projects that have not pushed yet are asked first. */
  async summary(now = Date.now()): Promise<ProvinceSummary> {
    const rows = await drizzle(this.env.DB).select({ id: projects.id }).from(projects).where(eq(projects.provinceId, this.provinceId));
    await this.fetchMissing(rows.map((r) => r.id));
    return this.line(now);
  }

  private line(now: number): ProvinceSummary {
    return summarizeProvince(this.provinceId, [...this.held.values()].map((c) => cardFor(c, false)), now);
  }

  protected override afterBroadcast(): void {
    const line = this.line(Date.now());
    const text = JSON.stringify(line);
    if (text === this.lineSent) return;
    this.lineSent = text;
    // In order, one at a time: the nation's object coalesces them itself.
    this.toNation = this.toNation
      .then(() => nationalRoomFor(this.env).update(this.provinceId, line))
      .catch((err) => {
        this.lineSent = "";
        console.error("province summary not delivered:", String(err));
      });
  }
}
