// The OpenAPI document against the app itself: every route it serves is documented, with the security its
// access rule (worker/auth/policy.ts) demands, and the document passes `redocly lint`. It is built by the
// same function GET /api/v1/openapi.json serves (test/integration/openapi.test.ts checks that in workerd).
// The worker app loads in Node because no route imports `cloudflare:workers`; should one ever need to,
// alias that module for this project in vitest.config.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app";
import { POLICY, type Rule } from "../../worker/auth/policy";
import { openApiDocument } from "../../worker/openapi/document";

const doc = openApiDocument(app);
const METHODS = ["get", "put", "post", "delete", "patch"] as const;
type Method = (typeof METHODS)[number];

/** "GET /api/v1/x/:id", every route the app answers (middleware and the /api/* catch-all are "ALL"). */
const served = [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))].sort();
const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

function operation(route: string) {
  const [method, path] = route.split(" ") as [string, string];
  return doc.paths?.[openApiPath(path)]?.[method.toLowerCase() as Method];
}

const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
);

const howToAdd = (route: string) =>
  `${route} is served but missing from the OpenAPI document: add an entry keyed "${route}" to worker/openapi/ops-*.ts ` +
  "(operationId, tag, English summary, the zod schemas its zValidator calls use, and its success answer), " +
  "or document it with createRoute + .openapi() in its route file and add { inRoute: true, operationId, tag } there";

/** Written out here rather than taken from worker/openapi/document.ts, so the two check each other. */
function expectedSecurity(rule: Rule, method: string): Record<string, string[]>[] {
  if (rule.kind === "public") return [];
  if (rule.kind === "station") return [{ stationToken: [] }];
  if (rule.kind === "display") return [{ displayCookie: [] }];
  const wall = (rule.kind === "project" || rule.kind === "province") && rule.wall ? [{ displayCookie: [] }] : [];
  return method === "GET" ? [{ sessionCookie: [] }, { operatorToken: [] }, ...wall] : [{ sessionCookie: [], csrfToken: [] }, { operatorToken: [] }, ...wall];
}

describe("the OpenAPI document", () => {
  it("covers the routes of the app (sanity: the app has many)", () => {
    expect(served.length).toBeGreaterThan(60);
  });

  it.each(served)("documents %s", (route) => {
    const op = operation(route);
    expect(op, howToAdd(route)).toBeDefined();
    expect(op?.operationId, `${route}: no operationId`).toBeTruthy();
    expect(op?.summary, `${route}: no summary`).toBeTruthy();
    expect(op?.tags?.length, `${route}: no tag`).toBe(1);
    expect(Object.keys(op?.responses ?? {}).some((s) => /^[12]\d\d$/.test(s)), `${route}: no success response`).toBe(true);
  });

  it("documents no route the app does not serve", () => {
    const stale = documented.filter((route) => !served.includes(route));
    expect(stale, "documented but not served: remove these entries from worker/openapi/ops-*.ts, or fix their keys").toEqual([]);
  });

  it.each(served)("documents the security of %s as its access rule says", (route) => {
    const rule = POLICY[route];
    expect(rule, `${route} has no access rule in worker/auth/policy.ts`).toBeDefined();
    expect(operation(route)?.security, `${route}: security must follow its ${rule?.kind} access rule`).toEqual(expectedSecurity(rule!, route.split(" ")[0]!));
  });

  it("describes the four credentials a caller can send", () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      stationToken: { type: "http", scheme: "bearer" },
      operatorToken: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "sid" },
      csrfToken: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
    });
  });

  it("answers every error of every route in the one error shape", () => {
    const wrong = served.flatMap((route) =>
      Object.entries(operation(route)?.responses ?? {})
        .filter(([status]) => Number(status) >= 400)
        .filter(([, r]) => JSON.stringify(r).indexOf('"#/components/schemas/Error"') < 0)
        .map(([status]) => `${route} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(doc.components?.schemas?.Error).toBeDefined();
  });

  it("documents validation failures, missing credentials and JSON-only bodies where they apply", () => {
    const missing = served.flatMap((route) => {
      const op = operation(route);
      if (!op) return []; // reported above, by name
      const statuses = Object.keys(op.responses ?? {});
      const needs = [
        ...((op.parameters?.length ?? 0) > 0 || op.requestBody ? ["400"] : []),
        ...(POLICY[route]?.kind === "public" ? [] : ["401", "403"]),
        ...(/^(POST|PUT|PATCH) /.test(route) ? ["415"] : []),
        ...(route.includes("/:") ? ["404"] : []),
      ];
      return needs.filter((s) => !statuses.includes(s)).map((s) => `${route} ${s}`);
    });
    expect(missing).toEqual([]);
  });
});

/** Problems the recommended rules report that do not apply, each with why. */
const NOT_APPLICABLE = [
  // The live feeds are WebSockets: their only success is 101 Switching Protocols, never a 2xx.
  { ruleId: "operation-2xx-response", pointer: "#/paths/~1api~1v1~1projects~1{projectId}~1live/get/responses" },
  { ruleId: "operation-2xx-response", pointer: "#/paths/~1api~1v1~1provinces~1{provinceId}~1live/get/responses" },
  { ruleId: "operation-2xx-response", pointer: "#/paths/~1api~1v1~1national~1live/get/responses" },
];

describe("redocly lint (recommended rules, redocly.yaml)", () => {
  it("finds no problem in the document", () => {
    const dir = mkdtempSync(join(tmpdir(), "openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc));
      const root = resolve(import.meta.dirname, "../..");
      const run = spawnSync(process.execPath, [join(root, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--config", join(root, "redocly.yaml"), "--format=json"], {
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        timeout: 60_000,
      });
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as {
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const problems = report.problems
        .filter((p) => !NOT_APPLICABLE.some((n) => n.ruleId === p.ruleId && p.location[0]?.pointer === n.pointer))
        .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
