import { describe, expect, it } from "vitest";
import { EVENT_RETENTION_DAYS } from "../../schema/api-base";
// @ts-expect-error: a plain .mjs script of `npm start`, without types
import { backfillPosts, RETENTION_DAYS } from "../../scripts/lib/demo.mjs";

interface Posted {
  si: number;
  e: { id: string; fonds: string; kind: string; delta: number; at: string };
}

const ev = (day: string, si: number, kind: string, fonds: string, delta: number): Posted => ({
  si,
  e: { id: `backfill-${day}-${si}-${kind}`, fonds, kind, delta, at: `${day}T10:00:00+07:00` },
});

describe("the demo backfill (npm start, browser tests)", () => {
  it("uses the server's retention", () => {
    expect(RETENTION_DAYS).toBe(EVENT_RETENTION_DAYS);
  });

  const events = [
    ev("2026-03-02", 0, "pages", "1", 100),
    ev("2026-03-02", 1, "metres", "2", 1.25),
    ev("2026-03-03", 0, "pages", "1", 50),
    ev("2026-03-03", 1, "metres", "2", 2.1),
    ev("2026-09-02", 0, "pages", "3", 7),
    ev("2026-11-27", 0, "pages", "3", 8),
  ];

  it("posts the days within the window as they are, and the days before it added up on the window's first day, totals unchanged", () => {
    const posts = backfillPosts(events, "2026-11-30", true) as Posted[];
    expect(posts.map((p) => [p.e.id, p.e.fonds, p.e.delta, p.e.at.slice(0, 10)])).toEqual([
      ["backfill-before-2026-09-02-0/pages/1", "1", 150, "2026-09-02"],
      ["backfill-before-2026-09-02-1/metres/2", "2", 3.35, "2026-09-02"],
      ["backfill-2026-09-02-0-pages", "3", 7, "2026-09-02"],
      ["backfill-2026-11-27-0-pages", "3", 8, "2026-11-27"],
    ]);
    const total = (xs: Posted[]) => xs.reduce((s, p) => s + p.e.delta, 0);
    expect(total(posts)).toBeCloseTo(total(events), 6);
  });

  it("posts no sum into a project that already has counters: a later start would count it again", () => {
    expect((backfillPosts(events, "2026-11-30", false) as Posted[]).map((p) => p.e.id)).toEqual(["backfill-2026-09-02-0-pages", "backfill-2026-11-27-0-pages"]);
  });
});
