// Who gets which item on a province's or the nation's feed, how the page holds the cards, and a
// province's line: pure rules.
import { describe, expect, it } from "vitest";
import type { ProjectCard } from "../../schema/project-card";
import { summarizeProvince } from "../../schema/province-summary";
import type { AudienceCards } from "../../schema/province-wire";
import { cardFor, changeTexts, itemsFor, type HubWatcher } from "../../worker/province/views";
import { provinceFeedModel } from "../../web/src/live/hub-apply";

const card = (projectId: string, name: string, extra: Partial<ProjectCard> = {}): ProjectCard =>
  ({ projectId, provinceId: "ha-tinh", name, timeZone: "Asia/Ho_Chi_Minh", seq: 1, day: "2026-11-30", lastActivityAt: null, status: null, kinds: {}, kindInfo: [], behind: [], behindCount: 0, alerts: [], names: { fonds: {}, stations: {} }, ...extra }) as ProjectCard;

const held = new Map<string, AudienceCards>([
  ["a", { all: card("a", "A với phông mật"), public: card("a", "A công khai") }],
  ["b", { all: card("b", "B"), public: null }],
]);
const name = (x: unknown) => (x as ProjectCard).name;

describe("province cards", () => {
  it("gives each watcher its own audience's card, of its own projects only", () => {
    const leader: HubWatcher = { sessionId: "s1", sees: { a: false, b: false } };
    const supervisor: HubWatcher = { sessionId: "s2", sees: { a: true } };
    expect(itemsFor(leader, ["a", "b"], held, cardFor).map(name)).toEqual(["A công khai", "B"]);
    expect(itemsFor(supervisor, ["a", "b"], held, cardFor).map(name)).toEqual(["A với phông mật"]);
  });

  it("builds one text per distinct view, of the changed fields only, and none for a watcher nothing changed for", () => {
    const w = (id: string, sees: Record<string, boolean>) => ({ socket: id, watcher: { sessionId: id, sees } });
    let built = 0;
    const message = (patches: unknown[]) => (built++, JSON.stringify(patches));
    const sent = new Map([["a", { all: card("a", "A với phông mật", { seq: 1 }), public: card("a", "A công khai", { seq: 1 }) }]]);
    const now = new Map([["a", { all: card("a", "A với phông mật", { seq: 7 }), public: card("a", "A công khai", { seq: 4 }) }]]);
    const out = changeTexts([w("l1", { a: false, b: false }), w("l2", { a: false, b: false }), w("s", { a: true }), w("other", { b: false })], new Set(["a"]), sent, now, cardFor, "projectId", message);
    expect(out.map((o) => o.socket)).toEqual(["l1", "l2", "s"]);
    expect(built).toBe(2);
    expect(JSON.parse(out[0]!.text)).toEqual([{ projectId: "a", seq: 4 }]);
    expect(JSON.parse(out[2]!.text)).toEqual([{ projectId: "a", seq: 7 }]);
    // A part the watchers have never had comes whole.
    const fresh = changeTexts([w("l1", { b: false })], new Set(["b"]), sent, held, cardFor, "projectId", message);
    expect(JSON.parse(fresh[0]!.text)).toEqual([card("b", "B")]);
  });

  it("holds the latest card per project; a whole message replaces what was held", () => {
    let s = provinceFeedModel.initial();
    expect(provinceFeedModel.ready(s)).toBe(false);
    s = provinceFeedModel.apply(s, { type: "cards", whole: true, cards: [card("a", "A"), card("b", "B")], at: 1 }).state;
    s = provinceFeedModel.apply(s, { type: "cards", whole: false, cards: [{ projectId: "a", seq: 9 }], at: 2 }).state;
    expect(provinceFeedModel.ready(s)).toBe(true);
    expect(s.items.get("a")).toEqual({ ...card("a", "A"), seq: 9 });
    s = provinceFeedModel.apply(s, { type: "cards", whole: true, cards: [card("b", "B")], at: 3 }).state;
    expect([...s.items.keys()]).toEqual(["b"]);
  });

  it("sums a province's kinds in their own units and counts its units by status", () => {
    const kind = (k: string, actual: number, target: number, planToDate: number, status: "behind" | "on_schedule" | "done" = "behind") => ({ kind: k, actual, target, planToDate, status }) as ProjectCard["kinds"][string];
    const line = summarizeProvince(
      "ha-tinh",
      [
        card("a", "A", { status: "behind", kinds: { pages: kind("pages", 100, 1000, 200), files: kind("files", 5, 10, 4) }, lastActivityAt: 5 }),
        card("b", "B", { status: "on_schedule", kinds: { pages: kind("pages", 300, 500, 250, "on_schedule") }, lastActivityAt: 9 }),
        card("c", "C", { seq: 0 }),
      ],
      0,
    );
    expect(line).toMatchObject({ projects: 3, notStarted: 1, behind: 1, done: 0, status: "behind", lastActivityAt: 9 });
    expect(line.kinds).toEqual([kind("files", 5, 10, 4), kind("pages", 400, 1500, 450)]);
    expect(line.kinds.map((k) => k.status)).toEqual(["behind", "behind"]);
  });
});
