import { describe, expect, it } from "vitest";
import headers from "../../web/public/_headers?raw";

describe("dashboard security headers (web/public/_headers)", () => {
  const rules = Object.fromEntries(
    headers
      .split("\n")
      .filter((l) => /^\s+\S+:/.test(l))
      .map((l) => [l.trim().slice(0, l.trim().indexOf(":")).toLowerCase(), l.trim().slice(l.trim().indexOf(":") + 1).trim()]),
  );

  it("forbids inline script and framing", () => {
    const csp = rules["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sets referrer policy, HSTS and nosniff", () => {
    expect(rules["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(rules["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    expect(rules["x-content-type-options"]).toBe("nosniff");
  });
});
