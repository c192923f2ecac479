// What the local send_email binding delivered. Miniflare keeps nothing a worker can read back: its binding
// writes each message it accepts, byte for byte, to <tmpdir>/miniflare-<instance>/email/email/<id>.eml and
// logs that path (node_modules/miniflare, send_email.worker "storeTempFile"). The test pool starts its
// Miniflare in this Node process, so the files are here; the tests give every recipient a unique address,
// which tells their messages apart from those of any other Miniflare on the machine.
import { readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The raw messages (base64 of the .eml bytes) the binding sent to `address`, oldest first. */
export async function sentMail(address: string): Promise<string[]> {
  const found: { at: number; raw: Buffer }[] = [];
  for (const instance of (await readdir(tmpdir())).filter((d) => /^miniflare-[0-9a-f]{32}$/.test(d))) {
    const dir = join(tmpdir(), instance, "email", "email");
    const files = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const f of files.filter((e) => e.name.endsWith(".eml"))) {
      const path = join(dir, f.name);
      const raw = await readFile(path);
      // Headers are ASCII (encoded words); the recipient is on the To: line.
      const head = raw.subarray(0, raw.indexOf("\r\n\r\n")).toString("latin1");
      const to = /^To: (.*)$/im.exec(head)?.[1] ?? "";
      if (to.includes(address)) found.push({ at: (await stat(path)).mtimeMs, raw });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((m) => m.raw.toString("base64"));
}
