// bench:province's overview watchers, on their own thread: each watcher is one leader's overview page,
// holding either one socket for the province (its cards) or one socket per project (the old overview).
// Every message is counted; the first few watchers ("probes") also note when each seq of the probe
// project reached them, for the post → screen latency.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export const clock = () => performance.timeOrigin + performance.now();

/** `urls`: each watcher's sockets; `probe`: { url, projectId } whose seqs the probes time. */
export async function startOverviewWatchers({ urls, count, headers, probe, probes = 10 }) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { urls, count, headers, probe, probes } });
  let nextId = 0;
  const waiting = new Map();
  worker.on("message", (m) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error) w?.reject(new Error(m.error));
    else w?.resolve(m.result);
  });
  worker.on("error", (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const ask = (op) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op });
    });
  const ready = await ask("open");
  return {
    ready,
    /** Counters since the last mark, and the probes' seq arrivals. */
    mark: () => ask("mark"),
    async close() {
      await Promise.race([ask("close"), new Promise((r) => setTimeout(r, 3000))]);
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData?.urls) {
  const { urls, count, headers, probe, probes } = workerData;
  const sockets = [];
  let messages = 0;
  let bytes = 0;
  let closed = 0;
  /** Per probe watcher: [seq, arrival time] of the probe project, as its messages brought them. */
  const arrivals = Array.from({ length: Math.min(probes, count) }, () => []);

  const seqOf = (text) => {
    // A project feed's delta starts {"type":"cdelta","from":N,"seq":M (JSON.stringify keeps insertion order).
    const head = /^\{"type":"(?:c?delta|snapshot)"(?:,"from":\d+)?,"seq":(\d+)/.exec(text);
    if (head) return Number(head[1]);
    if (text.startsWith('{"type":"cards"')) return JSON.parse(text).cards.find((c) => c.projectId === probe.projectId)?.seq ?? null;
    return null;
  };

  function open(watcher, url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const isProbe = watcher < arrivals.length && url === probe.url;
      let first = true;
      ws.addEventListener("message", (e) => {
        const t = clock();
        if (typeof e.data !== "string") return;
        messages++;
        bytes += e.data.length;
        if (first) {
          first = false;
          resolve();
        }
        if (isProbe) {
          const seq = seqOf(e.data);
          if (seq !== null) arrivals[watcher].push([seq, t]);
        }
      });
      ws.addEventListener("error", () => reject(new Error(`watcher ${watcher}: WebSocket error on ${url}`)), { once: true });
      ws.addEventListener("close", () => closed++);
      sockets.push(ws);
    });
  }

  const ops = {
    async open() {
      const t0 = clock();
      for (let w = 0; w < count; w += 10) {
        const group = [];
        for (let j = w; j < Math.min(count, w + 10); j++) for (const url of urls) group.push(open(j, url));
        await Promise.all(group);
      }
      return { connectMs: clock() - t0, sockets: sockets.length };
    },
    async mark() {
      const out = { messages, bytes, closed, arrivals: arrivals.map((a) => a.splice(0)) };
      messages = 0;
      bytes = 0;
      return out;
    },
    async close() {
      for (const ws of sockets) {
        try {
          ws.close(1000, "bench done");
        } catch {
          // already closed
        }
      }
      return null;
    },
  };
  parentPort.on("message", async ({ id, op }) => {
    try {
      parentPort.postMessage({ id, result: await ops[op]() });
    } catch (err) {
      parentPort.postMessage({ id, error: String(err?.message ?? err) });
    }
  });
}
