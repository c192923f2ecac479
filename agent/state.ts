// The files of the agent's state folder (config.stateDir).
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export function statePaths(stateDir: string) {
  mkdirSync(stateDir, { recursive: true });
  return {
    /** journal.ts: what was counted, what is queued, what was refused. */
    journal: join(stateDir, "journal.jsonl"),
    /** Events the server refused for good (400/409), one JSON line each, for a person to look into. */
    refused: join(stateDir, "refused.jsonl"),
    /** Written by a running agent for `status`: last post, last error, files with problems. */
    status: join(stateDir, "status.json"),
    log: join(stateDir, "agent.log"),
  };
}
