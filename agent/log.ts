// The agent's log: one line per fact, to a file that rotates by size (agent.log, agent.log.1 … .N), so
// a scan PC left running for months keeps a bounded, recent history. Also echoed to the console.
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from "node:fs";

export type Level = "info" | "warn" | "error";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RotatingLogOptions {
  path: string;
  maxBytes?: number;
  keep?: number;
  echo?: boolean;
  now?: () => Date;
}

export function rotatingLog({ path, maxBytes = 1_000_000, keep = 4, echo = true, now = () => new Date() }: RotatingLogOptions): Logger {
  let size = existsSync(path) ? statSync(path).size : 0;
  const write = (level: Level, message: string) => {
    const line = `${now().toISOString()} ${level.toUpperCase()} ${message.replace(/\r?\n/g, " ⏎ ")}\n`;
    if (echo) (level === "info" ? console.log : console.error)(line.trimEnd());
    // Bytes, not characters: Vietnamese folder names take two or three bytes a letter.
    const bytes = Buffer.byteLength(line);
    try {
      if (size + bytes > maxBytes && size > 0) {
        rotate(path, keep);
        size = 0;
      }
      appendFileSync(path, line);
      size += bytes;
    } catch {
      // a full or unplugged disk must not stop the counting; the console still has the line
    }
  };
  return { info: (m) => write("info", m), warn: (m) => write("warn", m), error: (m) => write("error", m) };
}

function rotate(path: string, keep: number): void {
  rmSync(`${path}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  renameSync(path, `${path}.1`);
}

export const silentLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };
