// Printed after `npm run build`: the JavaScript a browser loads first (index.html's module and its
// static imports), gzipped. Budget: 150 KB.
import { readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";

// The Cloudflare vite plugin copies .dev.vars (the local ADMIN_TOKEN) next to the built worker for
// `vite preview`; a production build must not carry it.
rmSync(new URL("../dist/archive_digitization/.dev.vars", import.meta.url), { force: true });

const client = new URL("../dist/client/", import.meta.url);
const html = readFileSync(new URL("index.html", client), "utf8");
const seen = new Set();
const queue = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(new URL(file, client));
  raw += code.length;
  gz += gzipSync(code, { level: 9 }).length;
  // Static imports of other chunks ("./x.js" or "/assets/x.js"); dynamic import() is not first load.
  for (const m of code.toString().matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(new URL(m[1], new URL(file, client)).pathname.replace(client.pathname, ""));
  }
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const BUDGET = 150 * 1024;
console.log(`first-load JavaScript: ${kb(raw)} raw, ${kb(gz)} gzip (${seen.size} files; budget ${kb(BUDGET)} gzip)`);
if (gz > BUDGET) {
  console.error("over the first-load budget");
  process.exit(1);
}
