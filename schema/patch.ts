// A part of the overview's feeds (a project's card, a province's line) travels as a patch on what the
// watcher holds: its changed fields only, nested objects patched field by field (a post moves a kind's
// `actual`, not its target or forecast). Arrays and values are replaced whole; an object that lost a key
// comes whole under REPLACE, so nothing removed lingers (null is a value here, so it cannot mean
// "removed" as in JSON Merge Patch). The server makes patches (worker/province/), the page and the
// tests apply them. Pure.

type Plain = Record<string, unknown>;

/** Marks an object sent whole in place of a patch; no name, code or kind key can be it (NUL). */
export const REPLACE = "\u0000";

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** What turns `prev` into `next`; null when nothing changed. `keep`: keys carried even unchanged (the id). */
export function patchOf(prev: unknown, next: unknown, keep: readonly string[] = []): Plain | null {
  if (!isPlain(next)) throw new Error("a patch is made of objects");
  const before = isPlain(prev) ? prev : {};
  if (Object.keys(before).some((k) => !(k in next))) return { ...Object.fromEntries(keep.map((k) => [k, next[k]])), [REPLACE]: next };
  const patch: Plain = {};
  let changed = false;
  for (const [key, value] of Object.entries(next)) {
    const old = before[key];
    if (same(old, value)) {
      if (keep.includes(key)) patch[key] = value;
      continue;
    }
    changed = true;
    patch[key] = isPlain(old) && isPlain(value) ? patchOf(old, value) : value;
  }
  return changed ? patch : null;
}

/** `held` with `patch` applied (a new part: the patch is all of it). */
export function applyPatch<T>(held: T | undefined, patch: object): T {
  if (REPLACE in patch) return (patch as Plain)[REPLACE] as T;
  const out: Plain = isPlain(held) ? { ...held } : {};
  for (const [key, value] of Object.entries(patch)) {
    const old = out[key];
    out[key] = isPlain(old) && isPlain(value) ? applyPatch(old, value) : value;
  }
  return out as T;
}
