import { describe, expect, it } from "vitest";
import { rescueTarget } from "../../web/src/focus-rescue";

const place = (name: string, isConnected: boolean, hasControl: boolean, focusable = false) => ({
  name,
  isConnected,
  focusable,
  querySelector: () => (hasControl ? {} : null),
});

describe("rescueTarget", () => {
  it("goes to the first control of the nearest part still in the page (the form a button opened)", () => {
    const found = rescueTarget([place("form", false, true), place("actions", true, true), place("alert", true, true)], (p) => p.focusable);
    expect(found).toEqual({ el: expect.objectContaining({ name: "actions" }), inside: true });
  });

  it("goes to a focusable part itself when it has no control left (the page's main after sign-in)", () => {
    const found = rescueTarget([place("form", false, true), place("main", true, false, true)], (p) => p.focusable);
    expect(found).toEqual({ el: expect.objectContaining({ name: "main" }), inside: false });
  });

  it("gives up when nothing it knew is left", () => {
    expect(rescueTarget([place("form", false, true)], () => true)).toBeNull();
  });
});
