// Demo data for `npm start`: the two seed provinces with their real plan tables (../shared/fixtures),
// stations, a backfilled history so the charts have a past, and simulated stations that keep posting.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { FIXTURES } from "./local-server.mjs";

export const DEMO = [
  {
    province: { id: "ha-tinh", name: "Hà Tĩnh" },
    project: {
      id: "hatinh-2026",
      provinceId: "ha-tinh",
      name: "Số hóa tài liệu tại Trung tâm Lưu trữ lịch sử tỉnh năm 2026",
      legalBasis: "Quyết định 4020/QĐ-UBND ngày 25/11/2020",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
    },
    tables: [readFileSync(`${FIXTURES}hatinh-2021-results.tsv`, "utf8")],
    stations: ["Máy quét 01", "Máy quét 02", "Máy quét 03"],
    backfillFrom: "2026-01-05",
    workingDays: 250,
  },
  {
    province: { id: "khanh-hoa", name: "Khánh Hòa" },
    project: {
      id: "khanhhoa-2024-2026",
      provinceId: "khanh-hoa",
      name: "Chỉnh lý, bồi nền tài liệu lưu trữ giai đoạn 2024 - 2026",
      legalBasis: "Kế hoạch 14698/KH-UBND ngày 23/12/2024",
      periodStart: "2025-01-01",
      periodEnd: "2026-12-31",
    },
    tables: [
      readFileSync(`${FIXTURES}khanhhoa-2024-arrangement.tsv`, "utf8"),
      // Seed 002: restoration (bồi nền) of 15.000 sheets at the provincial Historical Archives.
      "STT\tTên cơ quan, đơn vị\tBồi nền (tờ)\n09\tLưu trữ lịch sử tỉnh\t15.000\n",
    ],
    stations: ["Tổ chỉnh lý 1", "Tổ chỉnh lý 2", "Tổ bồi nền"],
    backfillFrom: "2025-01-02",
    workingDays: 500,
  },
];

/** One account per role; passwords are made per checkout and kept beside the local state. */
export const DEMO_ACCOUNTS = [
  // System-wide (no provinces): opens new provinces from the dashboard's "Quản trị" page.
  { email: "hethong@demo.vn", name: "Đỗ Minh Hệ", role: "admin", provinces: [] },
  { email: "quantri@demo.vn", name: "Nguyễn Văn Quản", role: "admin", provinces: ["ha-tinh", "khanh-hoa"] },
  { email: "giamsat.hatinh@demo.vn", name: "Trần Thị Giám", role: "supervisor", provinces: ["ha-tinh"] },
  { email: "lanhdao.hatinh@demo.vn", name: "Lê Văn Đạo", role: "leader", provinces: ["ha-tinh"] },
  { email: "lanhdao.khanhhoa@demo.vn", name: "Phạm Thị Hòa", role: "leader", provinces: ["khanh-hoa"] },
];

async function seedAccounts(call, saved) {
  saved.accounts ??= {};
  for (const a of DEMO_ACCOUNTS) {
    if (!saved.accounts[a.email]) {
      const password = `demo-${randomBytes(6).toString("base64url")}`;
      await call("POST", "/users", { email: a.email, name: a.name, password });
      saved.accounts[a.email] = password;
    }
    for (const provinceId of a.provinces) await call("POST", `/provinces/${provinceId}/members`, { email: a.email, role: a.role });
    if (a.provinces.length === 0) await call("POST", "/members", { email: a.email, role: a.role });
  }
  return DEMO_ACCOUNTS.map((a) => ({ ...a, password: saved.accounts[a.email] }));
}

/** Creates what is missing; returns each project's stations with tokens and the demo accounts. */
export async function seedDemo(call, stateDir) {
  const file = `${stateDir}/demo.json`;
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { stations: {} };
  for (const d of DEMO) {
    await call("POST", "/provinces", d.province);
    const { provinceId, ...project } = d.project;
    await call("POST", `/provinces/${provinceId}/projects`, project);
    for (const table of d.tables) await call("POST", `/projects/${d.project.id}/plan/import`, { table, target: "both" });
    if (!saved.stations[d.project.id]) {
      saved.stations[d.project.id] = [];
      for (const name of d.stations) saved.stations[d.project.id].push(await call("POST", `/projects/${d.project.id}/stations`, { name }));
    }
  }
  const accounts = await seedAccounts(call, saved);
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  return { stations: saved.stations, accounts };
}

const DECIMALS = { files: 0, documents: 0, pages: 0, metres: 2, metres_loose: 2, sheets: 0 };

function planOf(snapshot) {
  return snapshot.fonds.map((f) => ({ code: f.code, plan: f.approved, done: {} }));
}

/** The fonds a station works on for a kind: the first in plan order that is not finished yet. */
function currentFonds(fonds, kind) {
  return fonds.find((f) => (f.plan[kind] ?? 0) > (f.done[kind] ?? 0) && (f.plan[kind] ?? 0) > 0);
}

function workingDaysBetween(from, to) {
  const days = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

function vietnamToday() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Deterministic noise so a re-run posts the same backfill (and dedup makes it a no-op). */
function noise(seed) {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  return 0.75 + (x - Math.floor(x)) * 0.5;
}

function scaled(amount, kind) {
  return Number((amount / 10 ** DECIMALS[kind]).toFixed(DECIMALS[kind]));
}

export async function postEvents(url, projectId, token, events) {
  for (let i = 0; i < events.length; i += 500) {
    const res = await fetch(`${url}/api/v1/projects/${projectId}/counters`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ events: events.slice(i, i + 500) }),
    });
    if (!res.ok) throw new Error(`counters ${projectId}: ${res.status} ${await res.text()}`);
  }
}

/** schema/api-base.ts EVENT_RETENTION_DAYS (test/unit/demo-backfill.test.ts keeps them equal): older counters are refused. */
export const RETENTION_DAYS = 90;

/**
 * The backfill's events as posted: each day's own within the retention window (a day's margin for the
 * clocks), and the days before it, which the server would refuse, added up per station, fonds and kind on
 * the window's first working day, so totals and statuses are what the whole past would give. That sum
 * goes only into a project with no counters yet: a later start on the same state would count it again
 * under its new day's id, while each day's own events are duplicates.
 */
export function backfillPosts(events, today, fresh) {
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (RETENTION_DAYS - 1));
  const firstDay = events.map((x) => x.e.at.slice(0, 10)).find((d) => d >= first.toISOString().slice(0, 10));
  if (firstDay === undefined) return [];
  const kept = events.filter((x) => x.e.at.slice(0, 10) >= firstDay);
  if (!fresh) return kept;
  const before = new Map();
  for (const x of events.filter((x) => x.e.at.slice(0, 10) < firstDay)) {
    const key = `${x.si}/${x.e.kind}/${x.e.fonds}`;
    const sum = before.get(key);
    if (sum) sum.e.delta = Number((sum.e.delta + x.e.delta).toFixed(DECIMALS[x.e.kind]));
    else before.set(key, { ...x, e: { ...x.e, id: `backfill-before-${firstDay}-${key}`, at: `${firstDay}T09:00:00+07:00` } });
  }
  return [...before.values(), ...kept];
}

/** A past at about 92 % of a linear plan, so the demo projects are a little behind, as real ones are. */
export async function backfill(url, call, demo, stations) {
  const snap = await call("GET", `/projects/${demo.project.id}/snapshot`);
  const fonds = planOf(snap);
  const kinds = Object.keys(DECIMALS).filter((k) => fonds.some((f) => (f.plan[k] ?? 0) > 0));
  const events = [];
  workingDaysBetween(demo.backfillFrom, vietnamToday()).forEach((day, di) => {
    for (const kind of kinds) {
      const total = fonds.reduce((s, f) => s + (f.plan[kind] ?? 0), 0);
      stations.forEach((st, si) => {
        const f = currentFonds(fonds, kind);
        if (!f) return;
        const amount = Math.min(Math.max(1, Math.round(((total / demo.workingDays) * 0.92 * noise(di * 31 + si)) / stations.length)), f.plan[kind] - (f.done[kind] ?? 0));
        f.done[kind] = (f.done[kind] ?? 0) + amount;
        events.push({ st, si, e: { id: `backfill-${day}-${si}-${kind}`, fonds: f.code, kind, delta: scaled(amount, kind), at: `${day}T10:00:00+07:00` } });
      });
    }
  });
  const posts = backfillPosts(events, vietnamToday(), snap.seq === 0);
  for (const [si, st] of stations.entries()) {
    await postEvents(url, demo.project.id, st.token, posts.filter((x) => x.st === stations[si]).map((x) => x.e));
  }
  return posts.length;
}

/** Simulated scan stations: every few seconds each posts a small batch; now and then it retries one. */
export function simulate(url, call, projects, { intervalMs = 3000, log = () => {} } = {}) {
  let posted = 0;
  let duplicates = 0;
  const state = new Map();
  const tick = async () => {
    for (const [projectId, stations] of Object.entries(projects)) {
      if (!state.has(projectId)) {
        const snap = await call("GET", `/projects/${projectId}/snapshot`);
        const fonds = planOf(snap);
        for (const t of snap.totals) {
          const f = fonds.find((x) => x.code === t.fonds);
          if (f) f.done[t.kind] = t.amount;
        }
        state.set(projectId, { fonds, last: new Map() });
      }
      const { fonds, last } = state.get(projectId);
      for (const st of stations) {
        const retry = last.get(st.id) && Math.random() < 0.1;
        const events = retry ? last.get(st.id) : liveBatch(fonds);
        if (events.length === 0) continue;
        const res = await fetch(`${url}/api/v1/projects/${projectId}/counters`, {
          method: "POST",
          headers: { Authorization: `Bearer ${st.token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ events }),
        });
        if (!res.ok) {
          log(`station ${st.name}: ${res.status} ${await res.text()}`);
          continue;
        }
        const r = await res.json();
        posted += r.accepted;
        duplicates += r.duplicates;
        last.set(st.id, events);
      }
    }
  };
  const timer = setInterval(() => tick().catch((e) => log(`simulator: ${e.message}`)), intervalMs);
  const report = setInterval(() => log(`simulated stations: ${posted} events counted, ${duplicates} retried duplicates ignored`), 60_000);
  return () => {
    clearInterval(timer);
    clearInterval(report);
  };
}

const LIVE_STEP = { files: [0, 2], documents: [2, 30], pages: [20, 160], metres: [5, 60], metres_loose: [5, 80], sheets: [1, 8] };

function liveBatch(fonds) {
  const events = [];
  for (const [kind, [lo, hi]] of Object.entries(LIVE_STEP)) {
    const f = currentFonds(fonds, kind);
    if (!f || Math.random() < 0.4) continue;
    const amount = Math.min(lo + Math.floor(Math.random() * (hi - lo + 1)), f.plan[kind] - (f.done[kind] ?? 0));
    if (amount <= 0) continue;
    f.done[kind] = (f.done[kind] ?? 0) + amount;
    events.push({ id: crypto.randomUUID(), fonds: f.code, kind, delta: scaled(amount, kind) });
  }
  return events;
}
