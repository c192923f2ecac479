// Patches of the overview's feeds: applying the patch of (a → b) to a gives b, for any a and b of a
// card's shape, and a patch carries only what moved.
import { describe, expect, it } from "vitest";
import { applyPatch, patchOf } from "../../schema/patch";
import { seededRandom } from "../seeded-random";

function randomCard(r: () => number) {
  const kinds: Record<string, { actual: number; target: number; status: string | null }> = {};
  for (const k of ["files", "documents", "pages"]) if (r() < 0.8) kinds[k] = { actual: Math.floor(r() * 5), target: 10, status: r() < 0.5 ? "behind" : null };
  return {
    projectId: "p",
    seq: Math.floor(r() * 3),
    lastActivityAt: r() < 0.2 ? null : 1000,
    kinds,
    behind: r() < 0.5 ? [] : [{ code: "1", name: "Phông 1" }],
    names: { fonds: r() < 0.5 ? {} : { "1": "Phông 1" }, stations: {} },
  };
}

describe("feed patches", () => {
  it("turn any card into any other, exactly", () => {
    const r = seededRandom(20261130);
    for (let i = 0; i < 2000; i++) {
      const a = randomCard(r);
      const b = randomCard(r);
      const patch = patchOf(a, b, ["projectId"]);
      expect(patch === null ? a : applyPatch(a, patch)).toEqual(b);
      // A part the watcher has never had comes whole.
      expect(applyPatch(undefined, patchOf(undefined, b, ["projectId"]) ?? {})).toEqual(b);
    }
  });

  it("carry the id and the figures that moved, nothing else", () => {
    const a = { projectId: "p", seq: 1, kinds: { pages: { actual: 5, target: 10 }, files: { actual: 1, target: 2 } }, names: { fonds: { "1": "A" } } };
    const b = { ...a, seq: 2, kinds: { ...a.kinds, pages: { actual: 7, target: 10 } } };
    expect(patchOf(a, b, ["projectId"])).toEqual({ projectId: "p", seq: 2, kinds: { pages: { actual: 7 } } });
    expect(patchOf(a, a, ["projectId"])).toBeNull();
    // A kind gone from the plan: the kinds come whole, so it does not linger.
    const c = { ...a, kinds: { pages: a.kinds.pages } };
    expect(applyPatch(a, patchOf(a, c)!)).toEqual(c);
    // A field gone from the part itself: it comes whole, still named by its id.
    const { seq: _, ...d } = a;
    expect(patchOf(a, d, ["projectId"])).toMatchObject({ projectId: "p" });
    expect(applyPatch(a, patchOf(a, d, ["projectId"])!)).toEqual(d);
  });
});
