// The compact delta encoding must stand for exactly the cells of the delta it replaces: for random
// batches (fonds, kinds and stations in and out of the lists held, frames spanning several days), the
// decoded cells equal the originals, in order, after a trip through JSON as on the wire.
import { describe, expect, it } from "vitest";
import { decodeCells, encodeCells, type FrameLists } from "../../schema/compact-frame";
import type { Cell, CompactDelta } from "../../schema/wire";
import { seededRandom as random } from "../seeded-random";

const KINDS = ["files", "documents", "pages", "metres", "metres_loose", "sheets"].map((key) => ({ key }));

function generated(seed: number): { lists: FrameLists; cells: Cell[] } {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const fonds = Array.from({ length: 1 + int(30) }, (_, i) => ({ code: i % 3 === 0 ? `Phông ${i}` : String(i + 1) }));
  const stations = Array.from({ length: int(12) }, (_, i) => ({ id: `st_${seed}_${i}` }));
  // Codes the receiver's lists lack: a correction's pseudo-station, a fonds or kind it does not hold.
  const fondsCodes = [...fonds.map((f) => f.code), "unlisted-fonds"];
  const kindKeys = [...KINDS.map((k) => k.key), "future-kind"];
  const stationIds = [...stations.map((s) => s.id), "correction"];
  const days = ["2026-11-29", "2026-11-30", "2026-12-01"].slice(0, 1 + int(3));
  const cells: Cell[] = Array.from({ length: int(300) }, () => ({
    fonds: fondsCodes[int(next() < 0.95 ? fonds.length : fondsCodes.length)]!,
    kind: kindKeys[int(next() < 0.95 ? KINDS.length : kindKeys.length)]!,
    station: stationIds[int(next() < 0.9 && stations.length > 0 ? stations.length : stationIds.length)]!,
    day: days[int(days.length)]!,
    amount: next() < 0.1 ? -(1 + int(500)) : 1 + int(next() < 0.5 ? 10 : 99_999_999),
  }));
  return { lists: { fonds, kinds: KINDS, stations }, cells };
}

describe("compact delta frames", () => {
  it("decode to exactly the cells they encode, over random batches", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { lists, cells } = generated(seed);
      const wire = JSON.parse(JSON.stringify(encodeCells(cells, lists))) as Pick<CompactDelta, "day" | "cells">;
      expect(decodeCells(wire, lists), `seed ${seed}`).toEqual(cells);
    }
  });

  it("carry the day once and indices where the receiver holds the code", () => {
    const lists: FrameLists = { fonds: [{ code: "4" }, { code: "7" }], kinds: KINDS, stations: [{ id: "st_a" }] };
    const cells: Cell[] = [
      { fonds: "7", kind: "pages", station: "st_a", day: "2026-11-30", amount: 120 },
      { fonds: "4", kind: "files", station: "correction", day: "2026-11-30", amount: -3 },
      { fonds: "4", kind: "pages", station: "st_a", day: "2026-11-29", amount: 5 },
    ];
    expect(encodeCells(cells, lists)).toEqual({
      day: "2026-11-30",
      cells: [
        [1, 2, 0, 120],
        [0, 0, "correction", -3],
        [0, 2, 0, 5, "2026-11-29"],
      ],
    });
    // Much smaller than the cells themselves, which is the point.
    expect(JSON.stringify(encodeCells(cells, lists)).length * 2).toBeLessThan(JSON.stringify(cells).length);
  });

  it("refuse an index outside the lists held rather than count it under another fonds", () => {
    const lists: FrameLists = { fonds: [{ code: "4" }], kinds: KINDS, stations: [] };
    expect(decodeCells({ day: "2026-11-30", cells: [[1, 0, "x", 1]] }, lists)).toBeNull();
    expect(decodeCells({ day: "2026-11-30", cells: [[0, 9, "x", 1]] }, lists)).toBeNull();
    expect(decodeCells({ day: "2026-11-30", cells: [[0, 0, 0, 1]] }, lists)).toBeNull();
  });
});
