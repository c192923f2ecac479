// What posted a station's counters: the scan-PC agent (which counts pages from the files), a person on
// the station entry page, or a script. Told from the User-Agent each post carries. Pure.
export type StationClient = { kind: "agent"; version: string } | { kind: "manual" } | { kind: "api" };

/** The agent sends `archive-scan-agent/<version>` (agent/version.ts). */
const AGENT = /^archive-scan-agent\/([0-9A-Za-z.+-]{1,32})/;

export function clientOf(userAgent: string | null | undefined): StationClient {
  const ua = userAgent ?? "";
  const agent = AGENT.exec(ua);
  if (agent) return { kind: "agent", version: agent[1]! };
  // The entry page runs in a browser; everything else (curl, a province's own script) is "api".
  return /^Mozilla\//.test(ua) ? { kind: "manual" } : { kind: "api" };
}

/** As stored and sent: "agent/1.0.0", "manual" or "api". */
export function clientLabel(c: StationClient): string {
  return c.kind === "agent" ? `agent/${c.version}` : c.kind;
}

export function parseClientLabel(label: string | null): StationClient | null {
  if (label === null) return null;
  if (label.startsWith("agent/")) return { kind: "agent", version: label.slice("agent/".length) };
  return label === "manual" || label === "api" ? { kind: label } : null;
}
