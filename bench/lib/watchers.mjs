// The benchmark's WebSocket watchers, on their own thread (worker_threads): frames are timed as they
// arrive, not when the posters' HTTP responses leave the event loop free, and the posters are not held
// up by 200 sockets' worth of frames. Times are absolute (performance.timeOrigin + now) on both threads.
import { createRequire } from "node:module";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- main-thread handle

/** Opens `count` watchers of `url` on a worker thread; resolves once each holds its snapshot. */
export async function startWatchers({ url, count, headers, fullParse, noDeflate = false }) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, count, headers, fullParse, noDeflate } });
  let nextId = 0;
  const waiting = new Map();
  let failed = null;
  worker.on("message", (m) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(new Error(m.error));
    else w.resolve(m.result);
  });
  worker.on("error", (err) => {
    failed = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const ask = (op, args = {}) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, ...args });
    });
  const handle = {
    /** Resolves when no frame has arrived for `ms` (at most `maxMs`). */
    quiet: (ms, maxMs) => ask("quiet", { ms, maxMs }),
    /** Resolves with how many watchers are still below `seq` after waiting at most `timeoutMs`. */
    waitSeq: (seq, timeoutMs) => ask("waitSeq", { seq, timeoutMs }),
    /** Everything recorded, per watcher. */
    collect: () => ask("collect"),
    async close() {
      try {
        await Promise.race([ask("close"), new Promise((r) => setTimeout(r, 2000))]);
      } finally {
        await worker.terminate();
      }
    },
  };
  handle.ready = await ask("open");
  return handle;
}

// ---------------------------------------------------------------- worker thread

class Watcher {
  constructor(index, url, full, headers, onAny, WebSocketClass) {
    this.index = index;
    this.full = full;
    this.onAny = onAny;
    this.seq = -1; // held seq; -1 until the snapshot
    this.seqs = []; // seq reached by each delta frame, ascending
    this.times = []; // its arrival time (clock())
    this.gaps = 0;
    this.frames = 0;
    this.bytes = 0;
    this.deltaBytes = 0;
    this.cells = 0;
    this.sizes = []; // its length
    this.undecodable = 0;
    this.lists = null; // full watchers: the snapshot's (and plan messages') lists compact frames index into
    this.totals = new Map(); // full watchers only: fonds\0kind → amount (snapshot + deltas)
    this.deltaSum = 0; // full watchers only: sum of all delta amounts after the snapshot
    this.snapshotSeq = null;
    this.closeCode = null;
    // Node's (undici) WebSocket takes headers as an extension and always offers permessage-deflate, as
    // browsers do; --no-deflate uses the `ws` package (a devDependency) with the extension turned off.
    this.ws = WebSocketClass ? new WebSocketClass(url, { headers, perMessageDeflate: false }) : new WebSocket(url, { headers });
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.ws.addEventListener("error", () => reject(new Error(`watcher ${index}: WebSocket error`)), { once: true });
      this.ws.addEventListener("close", (e) => {
        this.closeCode = e.code;
        reject(new Error(`watcher ${index}: closed ${e.code} ${e.reason} before its snapshot`));
      });
    });
    this.ready.catch(() => {});
    this.ws.addEventListener("message", (e) => this.onMessage(e.data));
  }

  onMessage(data) {
    const t = clock();
    this.onAny(t);
    if (typeof data !== "string") return;
    this.bytes += data.length;
    // The server writes `type` first and, for a delta, `from` and `seq` right after (JSON.stringify keeps
    // insertion order), so the header is enough to follow the seq; full watchers also apply the cells.
    const head = /^\{"type":"(\w+)"(?:,"from":(\d+))?,"seq":(\d+)/.exec(data);
    if (!head) {
      if (this.full && data.startsWith('{"type":"plan"')) this.lists = { ...this.lists, ...listsOf(JSON.parse(data), false) };
      return; // presence, plan, alerts
    }
    const [, type, fromText, seqText] = head;
    const seq = Number(seqText);
    if (type === "snapshot") {
      this.seq = seq;
      this.snapshotSeq = seq;
      if (this.full) {
        const snap = JSON.parse(data);
        this.totals.clear();
        for (const r of snap.totals) this.totals.set(`${r.fonds}\u0000${r.kind}`, r.amount);
        this.lists = listsOf(snap, true);
      }
      this.resolveReady();
    } else if ((type === "delta" || type === "cdelta") && this.seq >= 0) {
      const from = Number(fromText);
      if (from !== this.seq || seq <= from) this.gaps++;
      this.frames++;
      this.deltaBytes += data.length;
      this.sizes.push(data.length);
      if (this.full) {
        const delta = JSON.parse(data);
        const cells = type === "delta" ? delta.cells : decodeCompact(delta, this.lists);
        if (!cells) this.undecodable++;
        this.cells += delta.cells.length;
        for (const c of cells ?? []) {
          const key = `${c.fonds}\u0000${c.kind}`;
          this.totals.set(key, (this.totals.get(key) ?? 0) + c.amount);
          this.deltaSum += c.amount;
        }
      }
      this.seq = seq;
      this.seqs.push(seq);
      this.times.push(t);
    }
  }
}

function listsOf(msg, withKinds) {
  const lists = { fonds: msg.fonds.map((f) => f.code), stations: msg.stations.map((s) => s.id) };
  return withKinds ? { ...lists, kinds: msg.kinds.map((k) => k.key) } : lists;
}

/**
 * The cells of a compact delta (schema/wire.ts CompactDelta), written apart from the dashboard's decoder
 * (schema/compact-frame.ts) so the exactness check does not share its mistakes; null for an index outside
 * the lists held.
 */
function decodeCompact(delta, lists) {
  const pick = (v, list) => (typeof v === "number" ? list?.[v] : v);
  const cells = [];
  for (const [f, k, s, amount, day] of delta.cells) {
    const c = { fonds: pick(f, lists?.fonds), kind: pick(k, lists?.kinds), station: pick(s, lists?.stations), day: day ?? delta.day, amount };
    if (c.fonds === undefined || c.kind === undefined || c.station === undefined) return null;
    cells.push(c);
  }
  return cells;
}

if (!isMainThread && workerData?.url) {
  const { url, count, headers, fullParse, noDeflate } = workerData;
  const WebSocketClass = noDeflate ? createRequire(import.meta.url)("ws") : null;
  const watchers = [];
  let lastMessageAt = 0;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const ops = {
    async open() {
      const t0 = clock();
      for (let i = 0; i < count; i += 25) {
        const group = [];
        for (let j = i; j < Math.min(count, i + 25); j++) {
          const w = new Watcher(j, url, fullParse || j === 0, headers, (t) => (lastMessageAt = t), WebSocketClass);
          watchers.push(w);
          group.push(w.ready);
        }
        await Promise.all(group);
      }
      return { connectMs: clock() - t0, seq: watchers[0]?.seq ?? null, extensions: watchers[0]?.ws.extensions ?? "" };
    },
    async quiet({ ms, maxMs }) {
      const deadline = clock() + maxMs;
      while (clock() - lastMessageAt < ms && clock() < deadline) await sleep(50);
      return null;
    },
    async waitSeq({ seq, timeoutMs }) {
      const t0 = clock();
      while (watchers.some((w) => w.seq < seq) && clock() - t0 < timeoutMs) await sleep(10);
      return { behind: watchers.filter((w) => w.seq < seq).length, closed: watchers.filter((w) => w.closeCode !== null).length };
    },
    async collect() {
      return watchers.map((w) => ({
        full: w.full,
        seq: w.seq,
        snapshotSeq: w.snapshotSeq,
        seqs: Float64Array.from(w.seqs),
        times: Float64Array.from(w.times),
        sizes: Float64Array.from(w.sizes),
        undecodable: w.undecodable,
        gaps: w.gaps,
        frames: w.frames,
        bytes: w.bytes,
        deltaBytes: w.deltaBytes,
        cells: w.cells,
        totals: w.full ? [...w.totals] : null,
        deltaSum: w.deltaSum,
        closeCode: w.closeCode,
      }));
    },
    async close() {
      for (const w of watchers) {
        try {
          w.ws.close(1000, "bench done");
        } catch {
          // already closed
        }
      }
      return null;
    },
  };
  parentPort.on("message", async ({ id, op, ...args }) => {
    try {
      parentPort.postMessage({ id, result: await ops[op](args) });
    } catch (err) {
      parentPort.postMessage({ id, error: String(err?.message ?? err) });
    }
  });
}
