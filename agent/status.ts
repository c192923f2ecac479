// `status`: the journal (counted, queued, refused) and, when an agent runs or ran, its status.json.
import { existsSync, readFileSync } from "node:fs";
import type { AgentStatusFile } from "./agent";
import type { AgentConfig } from "./config";
import { Journal } from "./journal";
import { statePaths } from "./state";

export function readStatus(config: AgentConfig) {
  const paths = statePaths(config.stateDir);
  const { ledger, damaged } = Journal.read(paths.journal);
  const running: AgentStatusFile | null = existsSync(paths.status) ? (JSON.parse(readFileSync(paths.status, "utf8")) as AgentStatusFile) : null;
  const pending = [...ledger.pending.values()];
  return {
    filesKnown: ledger.files.size,
    contentsCounted: ledger.contents.size,
    pagesPosted: ledger.postedPages,
    queued: { events: pending.length, pages: pending.reduce((n, e) => n + e.delta, 0) },
    refused: [...ledger.refused.values()],
    damagedJournalLines: damaged,
    agent: running && { ...running, alive: isAlive(running.pid) },
    paths,
  };
}

export function printStatus(config: AgentConfig, json: boolean): void {
  const s = readStatus(config);
  if (json) return void console.log(JSON.stringify(s, null, 2));
  const lines = [
    `server ${config.server}, project ${config.project}`,
    `watching ${config.watch.join(", ")} (convention ${config.convention}${config.polling ? ", polling" : ""})`,
    `counted: ${s.filesKnown} files, ${s.pagesPosted} pages taken by the server`,
    `queued: ${s.queued.events} events, ${s.queued.pages} pages`,
  ];
  const a = s.agent;
  if (a) {
    lines.push(`agent: ${a.alive ? `running (pid ${a.pid})` : "not running"}, ${a.agent}, status of ${a.updatedAt}`);
    lines.push(`last post: ${a.poster.lastPostAt ?? "none"}${a.poster.lastPostAt ? ` (${a.poster.lastAccepted} accepted, ${a.poster.lastDuplicates} already counted)` : ""}`);
    lines.push(`last error: ${a.poster.lastError ? `${a.poster.lastError.at} ${a.poster.lastError.message}` : "none"}`);
    if (a.poster.unauthorized) lines.push(`TOKEN OR PROJECT REFUSED: ${a.poster.unauthorized}`);
    if (a.poster.nextTryAt) lines.push(`next try: ${a.poster.nextTryAt}`);
    if (a.problems.length > 0) lines.push(`files not counted (${a.problems.length}):`, ...a.problems.map((p) => `  ${p.problem}: ${p.path} — ${p.detail}`));
  }
  if (s.refused.length > 0) {
    lines.push(`REFUSED by the server (${s.refused.length}, in ${s.paths.refused}; check before recounting):`);
    for (const r of s.refused) lines.push(`  ${r.status} ${r.event.id} fonds ${r.event.fonds} +${r.event.delta} pages: ${r.message}`);
  }
  if (s.damagedJournalLines > 0) lines.push(`journal: ${s.damagedJournalLines} damaged line(s) (dropped; those files are read again)`);
  console.log(lines.join("\n"));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
