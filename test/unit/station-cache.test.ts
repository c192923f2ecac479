// The station-token cache saves the D1 read of a post, and only that: it asks its authority again after
// the TTL, never keeps a token the authority refused, and drops an entry the Durable Object refused.
import { describe, expect, it } from "vitest";
import { StationTokenCache } from "../../worker/auth/station-cache";
import { sha256Hex, type StationIdentity } from "../../worker/auth/tokens";

function authority(stations: Record<string, StationIdentity>) {
  const asked: string[] = [];
  return { asked, lookup: async (hash: string) => (asked.push(hash), stations[hash] ?? null) };
}

describe("station token cache", () => {
  it("reads the authority once per token and TTL", async () => {
    const hash = await sha256Hex("st_one");
    const station = { id: "s1", projectId: "p", name: "Trạm 1", tokenHash: hash };
    const a = authority({ [hash]: station });
    const cache = new StationTokenCache();
    expect(await cache.resolve("st_one", a.lookup, 0)).toEqual(station);
    expect(await cache.resolve("st_one", a.lookup, 59_000)).toEqual(station);
    expect(a.asked).toHaveLength(1);
    expect(await cache.resolve("st_one", a.lookup, 61_000)).toEqual(station);
    expect(a.asked).toHaveLength(2);
  });

  it("never holds a refused token, and forgets one the Durable Object refused", async () => {
    const hash = await sha256Hex("st_two");
    const stations: Record<string, StationIdentity> = {};
    const a = authority(stations);
    const cache = new StationTokenCache();
    expect(await cache.resolve("st_two", a.lookup, 0)).toBeNull();
    stations[hash] = { id: "s2", projectId: "p", name: "Trạm 2", tokenHash: hash };
    expect(await cache.resolve("st_two", a.lookup, 1)).not.toBeNull();
    delete stations[hash];
    cache.forget(hash);
    expect(await cache.resolve("st_two", a.lookup, 2)).toBeNull();
    expect(a.asked).toHaveLength(3);
  });
});
