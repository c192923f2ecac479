// The folder convention: which part of a file's path under a watched folder names its fonds (phông).
// A pattern of path segments: `{fonds}` is the fonds code (alone or inside a segment, e.g. `PHONG-{fonds}`),
// `*` any one folder, `**` the rest of the path. The default, `{fonds}/**`, reads the first folder under
// the watched root, as scan tools that write one folder per fonds lay files out.
export const DEFAULT_CONVENTION = "{fonds}/**";

export interface Convention {
  readonly pattern: string;
  readonly segments: readonly RegExp[];
  readonly fondsAt: number;
  /** Whether the pattern ends with `**` (deeper files allowed) or must match the folder depth exactly. */
  readonly open: boolean;
}

export function parseConvention(pattern: string): Convention {
  const parts = pattern.split("/").filter((p) => p !== "");
  const open = parts.at(-1) === "**";
  if (open) parts.pop();
  if (parts.some((p) => p === "**")) throw new Error(`"**" may only end the convention: ${pattern}`);
  const fondsAt = parts.findIndex((p) => p.includes("{fonds}"));
  if (fondsAt < 0 || parts.filter((p) => p.includes("{fonds}")).length > 1) throw new Error(`the convention needs exactly one {fonds}: ${pattern}`);
  const segments = parts.map((p) => (p === "*" ? /^.+$/ : new RegExp(`^${p.split("{fonds}").map(escape).join("(.+)")}$`, "u")));
  return { pattern, segments, fondsAt, open };
}

/**
 * The fonds of a file from its path relative to the watched root (either slash), or null when the path
 * does not follow the convention (a file at the root, a folder that does not match): such files are
 * reported, not counted under a guessed fonds.
 */
export function fondsOf(convention: Convention, relativePath: string): string | null {
  const folders = relativePath.split(/[\\/]/).filter((p) => p !== "");
  folders.pop(); // the file name
  const { segments, open } = convention;
  if (folders.length < segments.length || (!open && folders.length !== segments.length)) return null;
  let fonds: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const m = segments[i]!.exec(folders[i]!);
    if (!m) return null;
    if (i === convention.fondsAt) fonds = m[1]!.normalize("NFC").trim();
  }
  return fonds && fonds.length > 0 ? fonds : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
