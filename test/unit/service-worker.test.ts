import { describe, expect, it } from "vitest";
import { cacheName, precacheList, route, stale, versionOf } from "../../web/src/offline/sw-rules";

const origin = "https://tiendo.example.vn";
const precached = new Set(precacheList(["index.html", "assets/index-abc.js", "assets/EntryView-def.js", "assets/index-abc.js.map", "sw.js"]));
const at = (path: string, method = "GET", mode = "cors") => route(method, new URL(path, origin), mode, origin, precached);

describe("service worker rules", () => {
  it("never answers the API from a cache", () => {
    expect(at("/api/v1/projects/p1/counters", "POST")).toBe("network");
    expect(at("/api/v1/station")).toBe("network");
    expect(at("/api/v1/station", "GET", "navigate")).toBe("network");
  });

  it("serves pages from the app shell and built assets from the precache", () => {
    expect(at("/station?project=p1", "GET", "navigate")).toBe("shell");
    expect(at("/assets/EntryView-def.js")).toBe("asset");
    expect(at("/assets/unknown.js")).toBe("network");
    expect(route("GET", new URL("https://elsewhere.example/assets/index-abc.js"), "cors", origin, precached)).toBe("network");
  });

  it("precaches the shell and the emitted files, not source maps or itself", () => {
    expect(precacheList(["index.html", "b.js", "a.css", "a.css.map", "sw.js"])).toEqual(["/", "/a.css", "/b.js"]);
  });

  it("keeps the current and the previous build's cache, deletes older ones and nobody else's", () => {
    const keys = ["other-app", cacheName("v1"), cacheName("v2"), cacheName("v3")];
    expect(stale(keys, cacheName("v3"))).toEqual([cacheName("v1")]);
    expect(stale([cacheName("v1")], cacheName("v1"))).toEqual([]);
  });

  it("names a build by its file list", () => {
    expect(versionOf("a")).toBe(versionOf("a"));
    expect(versionOf("a")).not.toBe(versionOf("b"));
  });
});
