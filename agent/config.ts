// The agent's config file (written by `init`, read by `run` and `status`). It holds the station token,
// so it is written readable by its owner only. Paths in it are resolved against the config's folder.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_CONVENTION, parseConvention } from "./fonds";
import { writeFileDurably } from "./journal";

export const DEFAULT_CONFIG_FILE = "archive-agent.json";

export interface AgentConfig {
  /** The dashboard's address, e.g. https://tiendo.example.vn */
  server: string;
  project: string;
  token: string;
  /** Folders the scan software writes into; each is a root for the folder convention. */
  watch: string[];
  /** fonds.ts: which folder names the fonds. */
  convention: string;
  /** Poll instead of OS events: needed for network shares (SMB/NFS), where change events are unreliable. */
  polling: boolean;
  pollIntervalMs: number;
  /** A file is read once its size has not changed for this long (the scan software has finished writing). */
  stableMs: number;
  /** Journal, refused events, status and logs. */
  stateDir: string;
}

export function defaults(configPath: string): Omit<AgentConfig, "server" | "project" | "token" | "watch"> {
  return { convention: DEFAULT_CONVENTION, polling: false, pollIntervalMs: 5_000, stableMs: 3_000, stateDir: resolve(dirname(configPath), "archive-agent-state") };
}

/** Checks a parsed config and fills defaults; the error names every bad field. */
export function validateConfig(raw: unknown, configPath: string): AgentConfig {
  const c = { ...defaults(configPath), ...(raw as Partial<AgentConfig>) };
  const problems: string[] = [];
  if (typeof c.server !== "string" || !/^https?:\/\/[^/]+/.test(c.server)) problems.push("server must be an http(s) URL");
  if (typeof c.project !== "string" || c.project.trim() === "") problems.push("project is required");
  if (typeof c.token !== "string" || c.token.trim() === "") problems.push("token is required");
  if (!Array.isArray(c.watch) || c.watch.length === 0 || c.watch.some((w) => typeof w !== "string")) problems.push("watch must list at least one folder");
  try {
    parseConvention(String(c.convention));
  } catch (err) {
    problems.push((err as Error).message);
  }
  for (const key of ["pollIntervalMs", "stableMs"] as const) if (!Number.isInteger(c[key]) || c[key] < 100) problems.push(`${key} must be a whole number of milliseconds ≥ 100`);
  if (typeof c.polling !== "boolean") problems.push("polling must be true or false");
  if (problems.length > 0) throw new Error(`config ${configPath}: ${problems.join("; ")}`);
  const ok = c as AgentConfig;
  const base = dirname(configPath);
  return { ...ok, watch: ok.watch.map((w) => resolve(base, w)), stateDir: resolve(base, ok.stateDir) };
}

export function loadConfig(configPath: string): AgentConfig {
  if (!existsSync(configPath)) throw new Error(`no config at ${configPath}: run "init" first`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, "utf8"));
  } catch (err) {
    throw new Error(`config ${configPath} is not JSON: ${(err as Error).message}`);
  }
  return validateConfig(raw, configPath);
}

export function saveConfig(configPath: string, config: AgentConfig): void {
  writeFileDurably(configPath, JSON.stringify(config, null, 2) + "\n", 0o600);
}
