// What a scan station posts (worker/routes/counters.ts): a batch of counter events and the answer.
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "./kinds";
import { FIRST_DAY, LAST_DAY, MAX_DELTA, MAX_EVENTS_PER_BATCH, amountFitsKind, dayRangeMessage, fondsCode, inDayRange, text } from "./api-base";

export const CounterEventSchema = z
  .strictObject({
    id: text().min(1).max(64).openapi({ description: "Client-unique event id: the same id with the same content is counted once; with other content the batch is refused (409). Compared after Unicode NFC normalisation." }),
    fonds: fondsCode.openapi({ description: "Fonds (phông) code as imported with the plan (NFC-normalised)", example: "4" }),
    kind: z.enum(WORK_KIND_KEYS).openapi({ description: "A kind the project plans (some fonds has an approved or funded target for it); any other is refused (400, field `kind`)", example: "pages" }),
    delta: z
      .number()
      .positive()
      .max(MAX_DELTA)
      .openapi({ description: "Amount done: a whole number for counted kinds (files, documents, pages, sheets), at most 2 decimals for metres; anything else is refused, never rounded", example: 123 }),
    at: z.iso
      .datetime({ offset: true })
      .refine((at) => inDayRange(at.slice(0, 10)) && !Number.isNaN(Date.parse(at)), { message: dayRangeMessage })
      .optional()
      .openapi({ description: `When the work was done (ISO 8601 with offset, ${FIRST_DAY.slice(0, 4)}–${LAST_DAY.slice(0, 4)}); server time when absent`, example: "2026-11-22T09:15:00+07:00" }),
  })
  .superRefine(amountFitsKind("delta"))
  .openapi("CounterEvent");

export const CounterBatchSchema = z
  .strictObject({
    events: z.array(CounterEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .openapi("CounterBatch");

export const CounterResultSchema = z
  .object({
    accepted: z.int().openapi({ description: "Events counted by this request" }),
    duplicates: z.int().openapi({ description: "Events whose id this project had already accepted with the same content, or repeated in this batch: not counted again" }),
    seq: z.int().openapi({ description: "The project's sequence number after this batch" }),
  })
  .openapi("CounterResult");

export type CounterEventInput = z.infer<typeof CounterEventSchema>;
export type CounterResult = z.infer<typeof CounterResultSchema>;
