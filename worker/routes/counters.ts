// Where counters arrive: scan stations post batches here; the project's Durable Object counts them.
import { clientLabel, clientOf } from "../../schema/station-client";
import { stationTokens } from "../auth/station-cache";
import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { CounterBatchSchema, CounterResultSchema, ErrorSchema, EVENT_RETENTION_DAYS, MAX_COUNTER_BODY_BYTES, ProjectIdParam } from "../../schema/api";
import { router, roomFor } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { archivedError } from "../lib/project";

const error = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

const postCounters = createRoute({
  method: "post",
  path: "/projects/{projectId}/counters",
  summary: "Post counters from a scan station",
  description:
    "Each event adds `delta` of one work kind to one fonds. An event whose `id` the project already accepted with the same content (station, fonds, kind, delta, and the day of `at` when given) is a duplicate and changes nothing, so a batch may be retried safely; the same `id` twice in one batch counts once. An `id` already accepted, or repeated in the batch, with other content is a conflict: the batch is refused whole with 409. A batch with any invalid event is refused whole with 400. " +
    `A retry of the same id stays exact for ${EVENT_RETENTION_DAYS} days; older events are refused: the project keeps accepted ids ${EVENT_RETENTION_DAYS} days, and an event whose day (of \`at\`, in the project's time zone) is more than ${EVENT_RETENTION_DAYS} days before today is refused with 400 (\`details[].field\` "at", "older than ${EVENT_RETENTION_DAYS} days"), so a retry is recognised or refused whenever it comes, never counted twice; such work is entered as a correction. Send \`at\`: an event without it is stamped on arrival, so a retry without \`at\` more than ${EVENT_RETENTION_DAYS} days after the first post would count again. ` +
    "Text (`id`, `fonds`) is compared after Unicode NFC normalisation; text with a lone surrogate is refused. The body must be sent as `application/json`.",
  security: [{ stationToken: [] }],
  middleware: [
    bodyLimit({
      maxSize: MAX_COUNTER_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, "payload_too_large", `Lô quá lớn: tối đa ${MAX_COUNTER_BODY_BYTES} byte (body too large)`);
      },
    }),
  ] as const,
  request: {
    params: ProjectIdParam,
    body: { required: true, content: { "application/json": { schema: CounterBatchSchema } } },
  },
  responses: {
    200: { description: "Counted", content: { "application/json": { schema: CounterResultSchema } } },
    400: error(`Invalid batch, or an event older than the ${EVENT_RETENTION_DAYS}-day retention; nothing was counted. \`details\` lists each bad event.`),
    401: error("Missing or invalid station token"),
    403: error("The token belongs to another project"),
    404: error("Unknown project"),
    409: error(
      "An event id was already accepted, or is repeated in the batch, with other content (`code` \"conflict\"; `details` lists each conflicting event, with `field` \"id\"), or the project is archived (`code` \"archived\"); nothing was counted.",
    ),
    413: error("Body over the size limit"),
    415: error("Body not sent as application/json; nothing was counted"),
    429: error("Too many requests from this station; see Retry-After"),
  },
});

export const counters = router().openapi(postCounters, async (c) => {
  const { projectId } = c.req.valid("param");
  const { events } = c.req.valid("json");
  const principal = c.var.principal;
  if (principal.kind !== "station") throw new ApiError(403, "forbidden", "Chỉ trạm quét được gửi số liệu (stations only)");
  const client = clientLabel(clientOf(c.req.header("User-Agent")));
  const result = await roomFor(c.env, projectId).ingest(principal.station.id, events, Date.now(), client, principal.station.tokenHash);
  if (result.status === "unauthorized") {
    stationTokens.forget(principal.station.tokenHash);
    throw new ApiError(401, "unauthorized", "Mã truy cập không hợp lệ (invalid token)", undefined, { "WWW-Authenticate": "Bearer" });
  }
  if (result.status === "rate_limited") {
    throw new ApiError(429, "rate_limited", "Gửi quá nhanh; thử lại sau (too many requests)", { retryAfterSeconds: result.retryAfter }, {
      "Retry-After": String(result.retryAfter),
    });
  }
  if (result.status === "not_found") throw new ApiError(404, "not_found", "Không có dự án này (unknown project)");
  if (result.status === "archived") throw archivedError();
  if (result.status === "invalid") throw new ApiError(400, "validation_failed", "Lô có sự kiện không hợp lệ; không sự kiện nào được ghi (invalid events; nothing counted)", result.errors);
  if (result.status === "conflict") {
    throw new ApiError(
      409,
      "conflict",
      "Mã sự kiện đã được nhận với nội dung khác; không sự kiện nào được ghi (event ids already accepted with other content; nothing counted)",
      result.errors,
    );
  }
  return c.json({ accepted: result.accepted, duplicates: result.duplicates, seq: result.seq }, 200);
});
