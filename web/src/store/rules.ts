// Alert rules, contact points (webhook, e-mail, Telegram, Zalo) and their deliveries for one project (worker/routes/alerts.ts):
// the rules page's data. Writes need the admin role; reading rules, any project role.
import { createResource, type Accessor } from "solid-js";
import type { InferRequestType, InferResponseType } from "hono/client";
import { apiClient, type Answer } from "../api";
import { valueOf } from "../resource";
import { action, getJson, type ActionResult } from "./action";

type Routes = ReturnType<typeof apiClient>["projects"][":projectId"];
export type AlertRule = InferResponseType<Routes["alert-rules"]["$get"], 200>["rules"][number];
export type NewRule = InferRequestType<Routes["alert-rules"]["$post"]>["json"];
export type RulePatch = InferRequestType<Routes["alert-rules"][":ruleId"]["$patch"]>["json"];
export type ContactPoint = InferResponseType<Routes["contact-points"]["$get"], 200>["contactPoints"][number];
export type NewContactPoint = InferRequestType<Routes["contact-points"]["$post"]>["json"];
export type Delivery = InferResponseType<Routes["deliveries"]["$get"], 200>["deliveries"][number];
export type TestResult = { ok: boolean; status: number | null; error: string | null };

const write = (call: () => Promise<Answer>): Promise<ActionResult> => action(call);

export function createRulesStore(projectId: string, isAdmin: Accessor<boolean>, writeHeaders: () => Record<string, string>) {
  const api = () => apiClient().projects[":projectId"];
  const param = { projectId };
  const headers = () => ({ headers: writeHeaders() });
  const [rules, rulesCtl] = createResource(() => getJson<{ rules: AlertRule[] }>(() => api()["alert-rules"].$get({ param })).then((b) => b.rules));
  // Contact points and deliveries are for administrators only (worker/auth/policy.ts).
  const [contactPoints, cpCtl] = createResource(isAdmin, () =>
    getJson<{ contactPoints: ContactPoint[] }>(() => api()["contact-points"].$get({ param })).then((b) => b.contactPoints),
  );
  const [deliveries, delCtl] = createResource(isAdmin, () => getJson<{ deliveries: Delivery[] }>(() => api().deliveries.$get({ param })).then((b) => b.deliveries));

  const after = (refetch: () => unknown) => (r: ActionResult) => (r.ok && refetch(), r);
  return {
    rules: () => valueOf(rules),
    rulesError: () => rules.error as unknown,
    contactPoints: () => valueOf(contactPoints),
    deliveries: () => valueOf(deliveries),
    refreshDeliveries: () => void delCtl.refetch(),
    createRule: (json: NewRule) => write(() => api()["alert-rules"].$post({ param, json }, headers())).then(after(rulesCtl.refetch)),
    updateRule: (ruleId: string, json: RulePatch) => write(() => api()["alert-rules"][":ruleId"].$patch({ param: { projectId, ruleId }, json }, headers())).then(after(rulesCtl.refetch)),
    deleteRule: (ruleId: string) => write(() => api()["alert-rules"][":ruleId"].$delete({ param: { projectId, ruleId } }, headers())).then(after(rulesCtl.refetch)),
    createContactPoint: (json: NewContactPoint) => write(() => api()["contact-points"].$post({ param, json }, headers())).then(after(cpCtl.refetch)),
    /** The test-send button: the channel's own answer, so a wrong token or address shows at once. */
    testContactPoint: (contactPointId: string) =>
      action<TestResult>(() => api()["contact-points"][":contactPointId"].test.$post({ param: { projectId, contactPointId } }, headers())).then((r) => (r.ok ? (r.body as TestResult) : { ok: false, status: null, error: r.message })),
    contactPointLog: (contactPointId: string) =>
      getJson<{ deliveries: Delivery[] }>(() => api()["contact-points"][":contactPointId"].deliveries.$get({ param: { projectId, contactPointId } })).then((b) => b.deliveries),
    deleteContactPoint: (contactPointId: string) =>
      write(() => api()["contact-points"][":contactPointId"].$delete({ param: { projectId, contactPointId } }, headers())).then(after(cpCtl.refetch)),
  };
}
