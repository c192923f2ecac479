// Telling the scan-PC agent from a person at the entry page and from a script, by the User-Agent.
import { describe, expect, it } from "vitest";
import { clientLabel, clientOf, parseClientLabel } from "../../schema/station-client";
import { AGENT_VERSION, USER_AGENT } from "../../agent/version";

describe("what posted a station's counters", () => {
  it("knows the agent and its version from the User-Agent the agent sends", () => {
    expect(clientOf(USER_AGENT)).toEqual({ kind: "agent", version: AGENT_VERSION });
    expect(clientLabel(clientOf("archive-scan-agent/1.2.3 (win32)"))).toBe("agent/1.2.3");
  });

  it("takes a browser for the entry page and anything else for a script", () => {
    expect(clientOf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131")).toEqual({ kind: "manual" });
    expect(clientOf("curl/8.4.0")).toEqual({ kind: "api" });
    expect(clientOf(undefined)).toEqual({ kind: "api" });
  });

  it("reads back what it stored, and nothing it does not know", () => {
    for (const c of [{ kind: "agent", version: "1.0.0" }, { kind: "manual" }, { kind: "api" }] as const) expect(parseClientLabel(clientLabel(c))).toEqual(c);
    expect(parseClientLabel(null)).toBeNull();
    expect(parseClientLabel("robot")).toBeNull();
  });
});
