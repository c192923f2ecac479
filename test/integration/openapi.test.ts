// What GET /api/v1/openapi.json serves in workerd is the document test/unit/openapi.test.ts checks and lints.
import { describe, expect, it } from "vitest";
import { app } from "../../worker/app";
import { openApiDocument } from "../../worker/openapi/document";
import { api } from "./helpers";

describe("GET /api/v1/openapi.json", () => {
  it("serves the document the unit tests lint, to anyone", async () => {
    const res = await api("/openapi.json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument(app))));
  });
});
