// Who gets which card on a province's feed, and how the page holds them: pure rules.
import { describe, expect, it } from "vitest";
import type { ProjectCard } from "../../schema/project-card";
import type { AudienceCards } from "../../schema/province-wire";
import { changeTexts, cardsFor, type ProvinceWatcher } from "../../worker/province/cards";
import { provinceFeedModel } from "../../web/src/live/province-apply";

const card = (projectId: string, name: string): ProjectCard =>
  ({ projectId, provinceId: "ha-tinh", name, timeZone: "Asia/Ho_Chi_Minh", seq: 1, day: "2026-11-30", lastActivityAt: null, status: null, kinds: [], kindInfo: [], behind: [], behindCount: 0, alerts: [], names: { fonds: {}, stations: {} } }) as ProjectCard;

const held = new Map<string, AudienceCards>([
  ["a", { all: card("a", "A với phông mật"), public: card("a", "A công khai") }],
  ["b", { all: card("b", "B"), public: null }],
]);

describe("province cards", () => {
  it("gives each watcher its own audience's card, of its own projects only", () => {
    const leader: ProvinceWatcher = { sessionId: "s1", projects: { a: false, b: false } };
    const supervisor: ProvinceWatcher = { sessionId: "s2", projects: { a: true } };
    expect(cardsFor(leader, ["a", "b"], held).map((c) => c.name)).toEqual(["A công khai", "B"]);
    expect(cardsFor(supervisor, ["a", "b"], held).map((c) => c.name)).toEqual(["A với phông mật"]);
  });

  it("builds one text per distinct view, and none for a watcher nothing changed for", () => {
    const w = (id: string, projects: Record<string, boolean>) => ({ socket: id, watcher: { sessionId: id, projects } });
    const out = changeTexts([w("l1", { a: false, b: false }), w("l2", { a: false, b: false }), w("s", { a: true }), w("other", { b: false })], new Set(["a"]), held, 5);
    expect(out.map((o) => o.socket)).toEqual(["l1", "l2", "s"]);
    expect(out[0]!.text).toBe(out[1]!.text);
    expect(JSON.parse(out[0]!.text)).toMatchObject({ type: "cards", whole: false, cards: [{ name: "A công khai" }] });
    expect(JSON.parse(out[2]!.text).cards[0].name).toBe("A với phông mật");
  });

  it("holds the latest card per project; a whole message replaces what was held", () => {
    let s = provinceFeedModel.initial();
    expect(provinceFeedModel.ready(s)).toBe(false);
    s = provinceFeedModel.apply(s, { type: "cards", whole: true, cards: [card("a", "A"), card("b", "B")], at: 1 }).state;
    s = provinceFeedModel.apply(s, { type: "cards", whole: false, cards: [{ ...card("a", "A"), seq: 9 }], at: 2 }).state;
    expect(provinceFeedModel.ready(s)).toBe(true);
    expect(s.cards.get("a")!.seq).toBe(9);
    s = provinceFeedModel.apply(s, { type: "cards", whole: true, cards: [card("b", "B")], at: 3 }).state;
    expect([...s.cards.keys()]).toEqual(["b"]);
  });
});
