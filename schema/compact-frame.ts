// The compact delta encoding (schema/wire.ts CompactDelta), both ways. Pure and without runtime
// imports, so the worker (worker/live/fanout.ts), the dashboard (web/src/live/apply.ts) and the
// benchmark's floor worker share one definition of what an index means.
import type { Cell, CompactCell, CompactDelta } from "./wire";

/** The lists a receiver holds for its feed; indices point into them. */
export interface FrameLists {
  fonds: readonly { code: string }[];
  kinds: readonly { key: string }[];
  stations: readonly { id: string }[];
}

interface Indexes {
  fonds: Map<string, number>;
  kinds: Map<string, number>;
  stations: Map<string, number>;
}

// A frame goes to many sockets and the lists change rarely: index them once per list object.
const indexCache = new WeakMap<FrameLists, Indexes>();

function indexesOf(lists: FrameLists): Indexes {
  let ix = indexCache.get(lists);
  if (!ix) {
    const positions = (keys: readonly string[]) => new Map(keys.map((k, i) => [k, i] as const));
    ix = {
      fonds: positions(lists.fonds.map((f) => f.code)),
      kinds: positions(lists.kinds.map((k) => k.key)),
      stations: positions(lists.stations.map((s) => s.id)),
    };
    indexCache.set(lists, ix);
  }
  return ix;
}

/** The day most cells are on: the one not repeated per cell. */
function commonDay(cells: readonly Cell[]): string {
  const counts = new Map<string, number>();
  let best = "";
  let bestCount = 0;
  for (const c of cells) {
    const n = (counts.get(c.day) ?? 0) + 1;
    counts.set(c.day, n);
    if (n > bestCount) [best, bestCount] = [c.day, n];
  }
  return best;
}

export function encodeCells(cells: readonly Cell[], lists: FrameLists): Pick<CompactDelta, "day" | "cells"> {
  const ix = indexesOf(lists);
  const day = commonDay(cells);
  const out: CompactCell[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const tuple: CompactCell = [ix.fonds.get(c.fonds) ?? c.fonds, ix.kinds.get(c.kind) ?? c.kind, ix.stations.get(c.station) ?? c.station, c.amount];
    if (c.day !== day) tuple.push(c.day);
    out[i] = tuple;
  }
  return { day, cells: out };
}

/**
 * The cells a compact delta stands for, or null when an index is outside the receiver's lists: it does
 * not hold what the sender encoded against, so it must resync rather than count under a wrong fonds.
 */
export function decodeCells(msg: Pick<CompactDelta, "day" | "cells">, lists: FrameLists): Cell[] | null {
  const out: Cell[] = new Array(msg.cells.length);
  for (let i = 0; i < msg.cells.length; i++) {
    const [f, k, s, amount, day] = msg.cells[i]!;
    const fonds = typeof f === "number" ? lists.fonds[f]?.code : f;
    const kind = typeof k === "number" ? lists.kinds[k]?.key : k;
    const station = typeof s === "number" ? lists.stations[s]?.id : s;
    if (fonds === undefined || kind === undefined || station === undefined) return null;
    out[i] = { fonds, kind, station, day: day ?? msg.day, amount };
  }
  return out;
}
