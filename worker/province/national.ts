// The one national Durable Object: a summary line per province (schema/province-summary.ts), as each
// province's object pushes it after its own changes, for the national view's watchers over one socket
// each (hub.ts). 63 provinces push at most twice a second each: far under one object's request rate.
import type { ProvinceSummary } from "../../schema/province-summary";
import type { NationalProvinces } from "../../schema/province-wire";
import { provinceRoomFor } from "../lib/app-env";
import { Hub } from "./hub";

export class NationalRoom extends Hub<ProvinceSummary> {
  protected view(summary: ProvinceSummary): ProvinceSummary {
    return summary;
  }

  protected readonly idKey = "provinceId";

  protected message(provinces: unknown[], whole: boolean, at: number): string {
    return JSON.stringify({ type: "provinces", whole, provinces: provinces as ProvinceSummary[], at } as NationalProvinces);
  }

  protected fetchItem(provinceId: string): Promise<ProvinceSummary | null> {
    return provinceRoomFor(this.env, provinceId).summary();
  }
}
