// What bench:live measures: the product, its floor (bench/floor: the platform alone, the same bytes
// out) and its peer (bench/peer: the same room written naively with partyserver). Each is started once
// per run by bench/lib/servers.mjs; `prepare` makes a fresh project on it for one measured round and
// says how to post to it and watch it.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

export const TARGETS = ["ours", "floor", "peer"];
const CONFIG = { ours: undefined, floor: "bench/floor/wrangler.toml", peer: "bench/peer/wrangler.toml" };

export const configOf = (kind) => CONFIG[kind];

/** A fresh project on a running target: { projectId, tokens, watcherHeaders, fondsCodes, snapshotNow }. */
export async function prepare(kind, server, { round, posters, audience, fixture, adminToken }) {
  const projectId = `bench-${kind}-${round}`;
  const tokens = [];
  let watcherHeaders = {};
  let fondsCodes;
  if (kind === "ours") {
    const call = server.adminClient(server.url, adminToken);
    if (!server.provinceMade) await call("POST", "/provinces", { id: "bench", name: "Tỉnh thử tải" });
    server.provinceMade = true;
    await call("POST", "/provinces/bench/projects", { id: projectId, name: "Thử tải luồng trực tiếp", periodStart: "2026-01-01", periodEnd: "2027-12-31" });
    await call("POST", `/projects/${projectId}/plan/import`, { table: readFileSync(fixture, "utf8"), target: "both" });
    for (let i = 0; i < posters; i++) tokens.push((await call("POST", `/projects/${projectId}/stations`, { name: `Trạm thử ${String(i + 1).padStart(2, "0")}` })).token);
    watcherHeaders = { Authorization: `Bearer ${adminToken}` };
    // Watchers are what dashboards are: a signed-in project leader (cookie session), or the operator token.
    if (audience === "leader") {
      const email = `lanhdao-${round}@thutai.vn`;
      const password = randomBytes(12).toString("base64url");
      await call("POST", "/users", { email, name: "Lãnh đạo thử tải", password });
      await call("POST", `/projects/${projectId}/members`, { email, role: "leader" });
      const res = await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
      const cookie = /^([^=;\s]+=[^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
      if (!res.ok || !cookie) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
      // A cookie-authenticated upgrade must come from the dashboard's own origin.
      watcherHeaders = { Cookie: cookie, Origin: server.url };
    }
  } else {
    // The same number of fonds with the same codes as the product's plan (its first column, STT).
    fondsCodes = readFileSync(fixture, "utf8").split("\n").slice(1).map((l) => l.split("\t")[0]?.trim()).filter(Boolean);
    // Station ids of the product's length, so JSON frames weigh the same.
    for (let i = 0; i < posters; i++) tokens.push(`st_${randomBytes(8).toString("hex")}`);
    if (kind === "floor") {
      const res = await fetch(`${server.url}/api/v1/projects/${projectId}/setup`, { method: "POST", body: JSON.stringify({ fonds: fondsCodes, stations: tokens }) });
      if (!res.ok) throw new Error(`floor setup: ${res.status}`);
    }
  }
  const snapshotNow = async () => {
    const res = await fetch(`${server.url}/api/v1/projects/${projectId}/snapshot`, { headers: watcherHeaders });
    if (!res.ok) throw new Error(`GET snapshot: ${res.status} ${await res.text()}`);
    return res.json();
  };
  if (kind === "ours") fondsCodes = (await snapshotNow()).fonds.map((f) => f.code);
  return { projectId, tokens, watcherHeaders, fondsCodes, snapshotNow, d1Dir: kind === "ours" ? `${server.persistTo}/v3/d1/miniflare-D1DatabaseObject` : null };
}
