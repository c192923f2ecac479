// bench:live --profile: V8's sampling CPU profile of the product's workerd isolate (worker and Durable
// Object share it) during the measured window, through wrangler dev's inspector. Only JavaScript is seen
// by name; a native call made from JS (SQLite, WebSocket send) counts in its caller's self time, and
// what workerd does outside any JS (HTTP, deflate, I/O) shows as "(program)".
import WebSocket from "ws";

export async function startProfile(inspectorPort, intervalUs = 500) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl);
  if (!target) throw new Error(`no inspector target on port ${inspectorPort}`);
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
  let nextId = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const m = JSON.parse(String(data));
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: intervalUs });
  await send("Profiler.start");
  return {
    async stop() {
      const { profile } = await send("Profiler.stop");
      ws.close();
      // The whole call tree, for Chrome DevTools (Performance → Load profile) or a script.
      if (process.env.BENCH_PROFILE_RAW) (await import("node:fs")).writeFileSync(process.env.BENCH_PROFILE_RAW, JSON.stringify(profile));
      return summarize(profile);
    },
  };
}

const label = (f) => `${f.functionName || "(anonymous)"}${f.url ? ` ${f.url.split("/").pop()}:${f.lineNumber + 1}` : ""}`;

/** Self and inclusive time per function (ms), the biggest first, and the share of the window. */
export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const selfBy = new Map();
  const inclusiveBy = new Map();
  const walk = (id, onStack) => {
    const node = byId.get(id);
    const name = label(node.callFrame);
    let sum = self.get(id) ?? 0;
    selfBy.set(name, (selfBy.get(name) ?? 0) + sum);
    const inner = new Set(onStack).add(name);
    for (const child of node.children ?? []) sum += walk(child, inner);
    // A function on the stack twice (recursion) counts once, at its outermost frame.
    if (!onStack.has(name)) inclusiveBy.set(name, (inclusiveBy.get(name) ?? 0) + sum);
    return sum;
  };
  walk(profile.nodes[0].id, new Set());
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: Math.round(ms), share: ms / totalMs }));
  return { windowMs: Math.round(totalMs), self: top(selfBy, 25), inclusive: top(inclusiveBy, 40) };
}

export function printProfile(p, log) {
  const pct = (x) => `${(x * 100).toFixed(1)} %`.padStart(7);
  log(`  CPU profile of the product's isolate over ${p.windowMs} ms (share of wall time):`);
  log("    self time");
  for (const r of p.self.slice(0, 15)) log(`    ${pct(r.share)}  ${r.name}`);
  log("    inclusive time");
  for (const r of p.inclusive.slice(0, 30)) log(`    ${pct(r.share)}  ${r.name}`);
}
