import { describe, expect, it } from "vitest";
import { pageConnection } from "../../web/src/live/page-connection";

describe("pageConnection", () => {
  it("is live only when every feed is", () => {
    expect(pageConnection(["live", "live"])).toBe("live");
    expect(pageConnection(["live", "connecting"])).toBe("connecting");
  });

  it("says the worst of its feeds: one lost is the page not wholly live", () => {
    expect(pageConnection(["live", "offline", "reconnecting"])).toBe("offline");
    expect(pageConnection(["reconnecting", "live", "connecting"])).toBe("reconnecting");
  });

  it("has nothing to say with no feed open", () => {
    expect(pageConnection([])).toBeNull();
  });
});
