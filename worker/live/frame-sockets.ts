// Where a delta frame goes and in which encoding: the sockets tagged for an audience and an encoding,
// and the lists compact frames index into for each audience. Owned by worker/live/fanout.ts.
import { encodeCells, type FrameLists } from "../../schema/compact-frame";
import type { CompactDelta, Delta, ServerMessage } from "../../schema/wire";
import type { ProjectPlan } from "./plan";
import { SNAPSHOT_KINDS } from "./snapshot";
import { audienceFor, visibleFonds } from "./visibility";

export interface Grouped {
  json: WebSocket[];
  compact: WebSocket[];
  count: number;
}

export class FrameSockets {
  private readonly byTag = new Map<string, WebSocket[]>();
  private lists: { plan: ProjectPlan | null; all: FrameLists; public: FrameLists } | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly broadcast: (sockets: readonly WebSocket[], message: ServerMessage) => void,
  ) {}

  /**
   * getWebSockets(tag) builds a new array of every matching socket on each call, which was ~5 % of the
   * isolate in a profile at 200 watchers (two calls a frame); the lists are kept until a socket comes or
   * goes. A new instance (after hibernation or eviction) starts empty, so a stale list never outlives it.
   */
  tagged(tag: string): WebSocket[] {
    let sockets = this.byTag.get(tag);
    if (!sockets) this.byTag.set(tag, (sockets = this.ctx.getWebSockets(tag)));
    return sockets;
  }

  /** A socket was accepted, closed or failed. */
  changed(): void {
    this.byTag.clear();
  }

  /** The sockets under `prefix` ("frames:" for everyone, "audience:all:", …) by encoding. */
  grouped(prefix: string): Grouped {
    const json = this.tagged(`${prefix}json`);
    const compact = this.tagged(`${prefix}compact`);
    return { json, compact, count: json.length + compact.length };
  }

  sendDelta(sockets: Grouped, delta: Delta, lists: FrameLists): void {
    if (sockets.json.length > 0) this.broadcast(sockets.json, delta);
    if (sockets.compact.length === 0) return;
    const { cells: _, ...head } = delta;
    this.broadcast(sockets.compact, { ...head, type: "cdelta", ...encodeCells(delta.cells, lists) } satisfies CompactDelta);
  }

  /**
   * What compact frames index into, per audience: exactly the lists its snapshot and plan messages
   * carry (buildSnapshot, planMessage), so a restricted audience's indices never count a hidden fonds.
   * Kept per plan object, which is replaced whenever the plan is reloaded.
   */
  listsOf(plan: ProjectPlan | null): { all: FrameLists; public: FrameLists } {
    if (this.lists?.plan !== plan) {
      const fonds = plan?.fonds ?? [];
      const stations = plan?.stations ?? [];
      const of = (seesRestricted: boolean): FrameLists => ({ fonds: visibleFonds(fonds, audienceFor(fonds, seesRestricted)), kinds: SNAPSHOT_KINDS, stations });
      this.lists = { plan, all: of(true), public: of(false) };
    }
    return this.lists;
  }
}
