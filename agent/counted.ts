// What counting one file gives: its pages, or why it has none. A file is never guessed: a problem is
// reported (agent status and log) and the file is counted when it changes and reads well.
export type PageCount =
  | { ok: true; pages: number; format: Format }
  | { ok: false; problem: Problem; detail: string; format: Format | null };

export type Format = "tiff" | "pdf" | "jpeg" | "png";

/**
 * incomplete: still being written or cut short (counted when it changes); corrupt: unreadable structure;
 * encrypted: a PDF that needs a password; unsupported: not a format the agent counts.
 */
export type Problem = "incomplete" | "corrupt" | "encrypted" | "unsupported";

export class PageCountError extends Error {
  constructor(
    readonly problem: Problem,
    message: string,
  ) {
    super(message);
  }
}
