// Alert rules, contact points, acting on alerts and their history (worker/routes/alerts.ts and friends).
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "./kinds";
import { ProjectIdParam, fondsCode, noFieldMessage, someField, text } from "./api-base";
import { StationId } from "./api-admin";

export const RuleParams = z.object({ projectId: ProjectIdParam.shape.projectId, ruleId: z.uuid() });
export const ContactPointParams = z.object({ projectId: ProjectIdParam.shape.projectId, contactPointId: z.uuid() });

export const AlertRuleSchema = z
  .strictObject({
    type: z.enum(["behind_schedule", "under_plan", "silent_station"]),
    fonds: fondsCode.nullable().default(null),
    kind: z.enum(WORK_KIND_KEYS).nullable().default(null),
    station: StationId.nullable().default(null),
    /** behind/under plan: tolerance 0–0.9; silent station: minutes of working time. */
    threshold: z.number().min(0).max(10_000),
    pendingMinutes: z.int().min(0).max(7 * 24 * 60).default(0),
    /** Stays firing this long after the condition clears (against flapping). */
    keepFiringMinutes: z.int().min(0).max(7 * 24 * 60).default(0),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.type === "silent_station" || r.threshold <= 0.9, { message: "tolerance is a fraction ≤ 0.9", path: ["threshold"] })
  .refine((r) => r.type !== "silent_station" || r.threshold >= 1, { message: "minutes ≥ 1", path: ["threshold"] });

export const AlertRulePatchSchema = z
  .strictObject({
    threshold: z.number().min(0).max(10_000).optional(),
    pendingMinutes: z.int().min(0).max(7 * 24 * 60).optional(),
    keepFiringMinutes: z.int().min(0).max(7 * 24 * 60).optional(),
    enabled: z.boolean().optional(),
  })
  .refine(someField, noFieldMessage);

const httpUrl = text().max(500).pipe(z.url({ protocol: /^https?$/ }));

/**
 * A contact point by type: a webhook's URL, an e-mail address, or Telegram/Zalo with their credentials
 * (the URL then optional: the public API unless a relay). Timing as Alertmanager's, in seconds.
 */
export const ContactPointSchema = z
  .strictObject({
    name: text().trim().min(1).max(100),
    type: z.enum(["webhook", "email", "telegram", "zalo"]).default("webhook"),
    url: text().trim().max(500).default(""),
    settings: z.partialRecord(z.enum(["botToken", "chatId", "accessToken", "userId"]), text().trim().max(300)).default({}),
    groupWaitSeconds: z.int().min(0).max(3600).default(30),
    groupIntervalSeconds: z.int().min(10).max(24 * 3600).default(300),
    repeatIntervalSeconds: z.int().min(60).max(7 * 24 * 3600).default(4 * 3600),
    muteOutsideWorkingTime: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (c.type === "email" && !z.email().safeParse(c.url).success) bad("url", "địa chỉ e-mail không hợp lệ (invalid e-mail address)");
    if ((c.type === "webhook" || c.url !== "") && c.type !== "email" && !httpUrl.safeParse(c.url).success) bad("url", "địa chỉ https://… không hợp lệ (invalid URL)");
    if (c.type === "telegram" && (!c.settings.botToken || !c.settings.chatId)) bad("settings", "Telegram cần botToken và chatId (botToken and chatId required)");
    if (c.type === "zalo" && (!c.settings.accessToken || !c.settings.userId)) bad("settings", "Zalo OA cần accessToken và userId (accessToken and userId required)");
  });

const AlertRef = z.strictObject({ ruleId: z.uuid(), scope: text().min(1).max(200) });

/**
 * One alert (`ruleId` + `scope`) or a whole group (`alerts`, up to 500): all or nothing, so a bulk
 * acknowledgement never half-applies.
 */
const AlertTargets = {
  ruleId: z.uuid().optional(),
  scope: text().min(1).max(200).optional(),
  alerts: z.array(AlertRef).min(1).max(500).optional(),
  comment: text().trim().max(1000).default(""),
};
const oneWay = (a: { ruleId?: string; scope?: string; alerts?: unknown[] }) => (a.alerts !== undefined) !== (a.ruleId !== undefined && a.scope !== undefined);
const oneWayMessage = { message: "ruleId và scope, hoặc alerts (ruleId and scope, or alerts)", path: ["alerts"] };

export const AlertActionSchema = z.strictObject(AlertTargets).refine(oneWay, oneWayMessage);

export const SilenceSchema = z.strictObject({ ...AlertTargets, minutes: z.int().min(1).max(30 * 24 * 60) }).refine(oneWay, oneWayMessage);

export const AlertHistoryQuery = z.strictObject({
  ruleId: z.uuid().optional(),
  scope: text().min(1).max(200).optional(),
  /** Who acknowledged, silenced or unsilenced: only their actions. */
  by: text().trim().min(1).max(200).optional(),
  state: z.enum(["pending", "firing", "resolved", "normal", "nodata"]).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
});

/**
 * One entry of the alert history (worker/routes/alert-history.ts; the dashboard's web/src/live/history-text.ts).
 * A delivery names the alerts it carried by `scopes`, within its rule's group.
 */
export type HistoryEntry =
  | { type: "transition"; at: number; ruleId: string; scope: string; from: string; to: string; values: Record<string, unknown> }
  | { type: "action"; at: number; ruleId: string; scope: string; action: "ack" | "silence" | "unsilence"; by: string; comment: string; until: number | null }
  | { type: "delivery"; at: number; ruleId: string | null; scopes: string[]; contactPoint: { id: string; name: string; type: string } | null; kind: string; alerts: number; attempt: number; status: number | null; error: string | null };
