// Documentation of worker/routes/alerts.ts, with the schemas its validators use.
import {
  AlertActionSchema,
  AlertRulePatchSchema,
  AlertRuleSchema,
  ContactPointParams,
  ContactPointSchema,
  ProjectIdParam,
  RuleParams,
  SilenceSchema,
} from "../../schema/api";
import type { Documented } from "./operation";
import * as R from "./responses";

export const ALERT_OPERATIONS: Record<string, Documented> = {
  "GET /api/v1/projects/:projectId/alert-rules": {
    operationId: "listAlertRules",
    tag: "alerts",
    summary: "The project's alert rules",
    params: ProjectIdParam,
    ok: { description: "Rules", schema: R.AlertRules },
  },
  "POST /api/v1/projects/:projectId/alert-rules": {
    operationId: "createAlertRule",
    tag: "alerts",
    summary: "Add an alert rule: behind schedule (chậm tiến độ), under-plan fonds, or silent station",
    description:
      "`threshold` is a tolerance from 0 to 0.9 for the plan rules and minutes of working time for `silent_station`; `fonds: \"*\"` makes a behind-schedule rule per fonds.",
    params: ProjectIdParam,
    body: AlertRuleSchema,
    ok: { status: 201, description: "Created", schema: R.AlertRule },
  },
  "PATCH /api/v1/projects/:projectId/alert-rules/:ruleId": {
    operationId: "updateAlertRule",
    tag: "alerts",
    summary: "Change a rule's threshold, pending time, or switch it on or off",
    params: RuleParams,
    body: AlertRulePatchSchema,
    ok: { description: "The rule as it now is", schema: R.AlertRule },
  },
  "DELETE /api/v1/projects/:projectId/alert-rules/:ruleId": {
    operationId: "deleteAlertRule",
    tag: "alerts",
    summary: "Delete an alert rule",
    params: RuleParams,
    ok: { description: "Deleted", schema: R.Ok },
  },
  "GET /api/v1/projects/:projectId/contact-points": {
    operationId: "listContactPoints",
    tag: "alerts",
    summary: "The project's webhook contact points",
    params: ProjectIdParam,
    ok: { description: "Contact points", schema: R.ContactPoints },
  },
  "POST /api/v1/projects/:projectId/contact-points": {
    operationId: "createContactPoint",
    tag: "alerts",
    summary: "Add a webhook contact point: one JSON POST per firing or resolved alert",
    params: ProjectIdParam,
    body: ContactPointSchema,
    ok: { status: 201, description: "Created", schema: R.ContactPoint },
  },
  "DELETE /api/v1/projects/:projectId/contact-points/:contactPointId": {
    operationId: "deleteContactPoint",
    tag: "alerts",
    summary: "Delete a webhook contact point",
    params: ContactPointParams,
    ok: { description: "Deleted", schema: R.Ok },
  },
  "GET /api/v1/projects/:projectId/deliveries": {
    operationId: "listDeliveries",
    tag: "alerts",
    summary: "The latest 200 webhook delivery attempts, newest first",
    params: ProjectIdParam,
    ok: { description: "Delivery attempts", schema: R.Deliveries },
  },
  "GET /api/v1/projects/:projectId/alerts": {
    operationId: "listAlerts",
    tag: "alerts",
    summary: "The project's alerts now: pending, firing, acknowledged or silenced",
    params: ProjectIdParam,
    ok: { description: "Alerts", schema: R.Alerts },
  },
  "GET /api/v1/projects/:projectId/alerts/history": {
    operationId: "listAlertHistory",
    tag: "alerts",
    summary: "The latest 500 alert transitions, newest first",
    params: ProjectIdParam,
    ok: { description: "Transitions", schema: R.AlertHistory },
  },
  "POST /api/v1/projects/:projectId/alerts/ack": {
    operationId: "acknowledgeAlert",
    tag: "alerts",
    summary: "Acknowledge a firing alert, with a comment (xác nhận)",
    params: ProjectIdParam,
    body: AlertActionSchema,
    ok: { description: "Acknowledged", schema: R.Ok },
    errors: { 404: "Unknown project, or no active alert for this rule and scope" },
  },
  "POST /api/v1/projects/:projectId/alerts/silence": {
    operationId: "silenceAlert",
    tag: "alerts",
    summary: "Silence an alert for some minutes (tạm tắt)",
    params: ProjectIdParam,
    body: SilenceSchema,
    ok: { description: "Silenced until `until`", schema: R.Silenced },
    errors: { 404: "Unknown project, or no alert for this rule and scope" },
  },
};
