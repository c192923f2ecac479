// The first start of an empty deployment: the operator opens the first system administrator's account,
// once, and never again once any account exists.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN, get, post } from "./helpers";

const JSON_ONLY = { "Content-Type": "application/json" };
const first = { email: "hethong@snv.example", name: "Nguyễn Văn Hệ Thống", password: "mật-khẩu-đủ-dài-123" };

async function isOpen(): Promise<boolean> {
  const res = await get("/first-run", {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { open: boolean }).open;
}

describe("the first run of an empty deployment", () => {
  it("opens one system administrator's account with the operator token, audited, and refuses every later attempt", async () => {
    expect(await env.DB.prepare("SELECT count(*) AS n FROM users").first("n")).toBe(0);
    expect(await isOpen()).toBe(true);

    // Without the operator token nobody may: not anonymous, not a made-up token.
    expect((await post("/first-run", first, JSON_ONLY)).status).toBe(401);
    expect((await post("/first-run", first, { ...JSON_ONLY, Authorization: "Bearer doan-bua" })).status).toBe(401);
    // A short password is said beside its field, and nothing is created.
    const short = await post("/first-run", { ...first, password: "ngắn" });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe("password");
    expect(await isOpen()).toBe(true);

    // Two first runs at once (a double click, two operators): exactly one account is made.
    const [a, b] = await Promise.all([post("/first-run", first), post("/first-run", { ...first, email: "khac@snv.example" })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const made = (await (a.status === 201 ? a : b).json()) as { id: string; email: string };
    expect(await env.DB.prepare("SELECT count(*) AS n FROM users").first("n")).toBe(1);
    expect(await isOpen()).toBe(false);

    // The account signs in as a system administrator.
    const login = await post("/auth/login", { email: made.email, password: first.password }, JSON_ONLY);
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("Set-Cookie") ?? "").split(";")[0]!;
    const me = (await (await get("/me", { Cookie: cookie })).json()) as { memberships: unknown[] };
    expect(me.memberships).toEqual([{ role: "admin", provinceId: null, projectId: null }]);

    // Audited once, as the operator's act, without the password or its hash.
    const { results } = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'user.create'").all<{ actor_type: string; target: string; after: string }>();
    expect(results.map((r) => [r.actor_type, r.target])).toEqual([["operator", made.email]]);
    expect(JSON.stringify(results)).not.toContain(first.password);
    expect(JSON.stringify(results)).not.toContain("pbkdf2");

    // From now on: refused, with the operator token too.
    const again = await post("/first-run", { ...first, email: "muon@snv.example" }, ADMIN);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM users").first("n")).toBe(1);
  });
});
