// Live feeds as a test watches them: a project's feed, and a province's or the country's overview.
import { decodeCells, type FrameLists } from "../../schema/compact-frame";
import { applyPatch } from "../../schema/patch";
import type { ProjectCard } from "../../schema/project-card";
import type { ProvinceSummary } from "../../schema/province-summary";
import type { NationalMessage, ProvinceMessage } from "../../schema/province-wire";
import type { ServerMessage } from "../../schema/wire";
// Used inside methods only, so the cycle with helpers.ts (which re-exports these classes) is harmless.
import { api, OPERATOR } from "./helpers";

/** A watcher on the live feed: collects every message, in order. */
export class Watcher {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => {
      this.messages.push(JSON.parse(e.data as string) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(projectId: string, query = "", headers: Record<string, string> = OPERATOR): Promise<Watcher> {
    // A browser sends its page's Origin with every upgrade; the feed refuses cookies from other origins.
    const res = await api(`/projects/${projectId}/live${query}`, { headers: { Origin: "http://example.com", ...headers, Upgrade: "websocket" } });
    if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade failed: ${res.status} ${await res.text()}`);
    res.webSocket.accept();
    return new Watcher(res.webSocket);
  }

  /** Resolves when `pred` holds for the messages so far; fails after `ms`. */
  async until(pred: (messages: ServerMessage[]) => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${this.messages.map((m) => m.type).join(",")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The seq this watcher holds, and its totals per fonds × kind, applying snapshots and deltas in order. */
  state(): { seq: number; totals: Map<string, number> } {
    let seq = -1;
    const totals = new Map<string, number>();
    let lists: FrameLists = { fonds: [], kinds: [], stations: [] };
    for (const m of this.messages) {
      if (m.type === "snapshot") {
        seq = m.seq;
        lists = m;
        totals.clear();
        for (const t of m.totals) totals.set(`${t.fonds}/${t.kind}`, t.amount);
      } else if (m.type === "plan") {
        lists = { ...lists, fonds: m.fonds, stations: m.stations };
      } else if (m.type === "delta" || m.type === "cdelta") {
        if (m.seq <= seq) continue; // already held (a frame sent just before a replay)
        if (m.from !== seq) throw new Error(`gap: holding ${seq}, delta from ${m.from}`);
        seq = m.seq;
        const cells = m.type === "delta" ? m.cells : decodeCells(m, lists);
        if (!cells) throw new Error(`undecodable frame ${JSON.stringify(m)}`);
        for (const c of cells) totals.set(`${c.fonds}/${c.kind}`, (totals.get(`${c.fonds}/${c.kind}`) ?? 0) + c.amount);
      }
    }
    return { seq, totals };
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

/** A watcher on a province's overview feed (schema/province-wire.ts): every message, and the cards held. */
export class CardWatcher {
  readonly messages: (ProvinceMessage | NationalMessage)[] = [];
  closedWith: number | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (e) => this.messages.push(JSON.parse(e.data as string) as ProvinceMessage | NationalMessage));
    ws.addEventListener("close", (e) => {
      this.closedWith = e.code;
    });
  }

  /** `path`: the national feed instead of the province's. */
  static async open(provinceId: string, headers: Record<string, string> = OPERATOR, path = `/provinces/${provinceId}/live`): Promise<CardWatcher> {
    const res = await api(path, { headers: { Origin: "http://example.com", ...headers, Upgrade: "websocket" } });
    if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade failed: ${res.status} ${await res.text()}`);
    res.webSocket.accept();
    return new CardWatcher(res.webSocket);
  }

  /** The latest card of each project, applying the whole message and the changes after it in order. */
  cards(): Map<string, ProjectCard> {
    const held = new Map<string, ProjectCard>();
    for (const m of this.messages) {
      if (m.type !== "cards") continue;
      if (m.whole) held.clear();
      for (const c of m.cards) held.set(c.projectId, applyPatch<ProjectCard>(held.get(c.projectId), c));
    }
    return held;
  }

  /** The latest line of each province, from the national feed. */
  provinces(): Map<string, ProvinceSummary> {
    const held = new Map<string, ProvinceSummary>();
    for (const m of this.messages) {
      if (m.type !== "provinces") continue;
      if (m.whole) held.clear();
      for (const p of m.provinces) held.set(p.provinceId, applyPatch<ProvinceSummary>(held.get(p.provinceId), p));
    }
    return held;
  }

  async until(pred: (w: CardWatcher) => boolean, ms = 8000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.messages).slice(0, 400)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}
