/**
 * How many rows of a list fit a box of `available` px when the rest are summed up in one "+N" line of
 * `moreLine` px. `bottoms` are each row's bottom edge, measured from the list's top with every row shown
 * (rows may wrap to different heights). All rows when they fit; otherwise as many as leave room for the
 * "+N" line, and never fewer than none (a list too short for even one row says only "+N").
 */
export function rowsThatFit(bottoms: readonly number[], available: number, moreLine: number): number {
  const total = bottoms.length;
  if (total === 0 || bottoms[total - 1]! <= available) return total;
  let n = 0;
  while (n < total && bottoms[n]! + moreLine <= available) n++;
  return n;
}
