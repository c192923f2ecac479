// Station tokens resolved once per isolate for a while, instead of a D1 read on every post. This cache
// is not the authority on revocation: the project's Durable Object holds each active station's current
// token hash (reloaded by every station change before the admin's request is answered, see
// worker/lib/admin-change.ts) and refuses a post made with any other (worker/live/room.ts), so revoking
// or rotating a token refuses its next post at once in every isolate; that refusal drops the entry here.
import { sha256Hex, type StationIdentity } from "./tokens";

const TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

export class StationTokenCache {
  private readonly entries = new Map<string, { station: StationIdentity; until: number }>();

  /** `lookup`: the authority behind the cache (tokens.ts stationForTokenHash on D1). */
  async resolve(token: string, lookup: (tokenHash: string) => Promise<StationIdentity | null>, now = Date.now()): Promise<StationIdentity | null> {
    const hash = await sha256Hex(token);
    const hit = this.entries.get(hash);
    if (hit && hit.until > now) return hit.station;
    const station = await lookup(hash);
    this.entries.delete(hash);
    if (station) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(hash, { station, until: now + TTL_MS });
    }
    return station;
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}

export const stationTokens = new StationTokenCache();
