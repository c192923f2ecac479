// Reports, their notes and document settings, corrections, verified figures and acceptance.
import { z } from "@hono/zod-openapi";
import { WORK_KIND_KEYS } from "./kinds";
import { MAX_DELTA, ProjectIdParam, amountFitsKind, day, fondsCode, text } from "./api-base";

export const ReportParams = z.object({ projectId: ProjectIdParam.shape.projectId, reportId: z.uuid() });
export const ReportQuery = z.strictObject({ locale: z.enum(["vi", "en"]).default("vi") });
export const AdhocReportSchema = z
  .strictObject({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] });
/** A report of the reporting calendar, asked for by the day it is due (a new version if it exists). */
export const DueReportSchema = z.strictObject({ type: z.enum(["weekly", "monthly", "inspection"]), due: day });
export const ReportRequestSchema = z.union([AdhocReportSchema, DueReportSchema]);
const NotesText = () => text().trim().max(10_000);
const NotesReasons = () =>
  z.record(text().min(1).max(200), text().trim().max(2000)).refine((r) => Object.keys(r).length <= 2000, { message: "at most 2000 reasons" });

/** A save of the centre's notes (schema/reports/notes-merge.ts): only the fields present change, only
 * the reasons listed ("code/kind" → words). `base` is what the editor started from: the notes'
 * `updatedAt` (null: there were none) and the changed fields as they were then; without it the save
 * lands only on fields nobody has written. */
export const ReportNotesSchema = z.strictObject({
  difficulties: NotesText().optional(),
  proposals: NotesText().optional(),
  reasons: NotesReasons().optional(),
  base: z
    .strictObject({
      updatedAt: z.number().int().nullable(),
      difficulties: text().max(10_000).optional(),
      proposals: text().max(10_000).optional(),
      reasons: z.record(text().min(1).max(200), text().max(2000)).optional(),
    })
    .optional(),
});

/** How a project's reports are issued as official documents (schema/reports/document-settings.ts).
 * Every field is required: a save replaces the whole block, as the form shows it. */
export const DocumentSettingsSchema = z.strictObject({
  parentBody: text().trim().min(1).max(200),
  issuingBody: text().trim().min(1).max(200),
  place: text().trim().min(1).max(100),
  recipient: text().trim().min(1).max(300),
  distribution: z.array(text().trim().min(1).max(300)).max(20),
  signerPosition: text().trim().min(1).max(300),
  signerName: text().trim().max(100),
  numberSuffix: text().trim().min(1).max(50),
});

/** A save of the document settings: the whole block, and `base`, the `saved.at` the form was opened
 * with (null: nobody had saved them). A save based on an older version is refused, not applied. */
export const DocumentSaveSchema = DocumentSettingsSchema.extend({ base: z.number().int().nullable() });

/** A correction of a submitted report (bản điều chỉnh): why, kept with the filing and in the audit log. */
export const ReportCorrectionSchema = z.strictObject({ reason: text().trim().min(3).max(1000) });

export const CorrectionSchema = z
  .strictObject({
    fonds: fondsCode,
    kind: z.enum(WORK_KIND_KEYS),
    /** Signed: a correction may take counted volume back. */
    delta: z.number().refine((d) => d !== 0, "must not be zero").refine((d) => Math.abs(d) <= MAX_DELTA, "too large"),
    reason: text().trim().min(3).max(1000),
  })
  .superRefine(amountFitsKind("delta"));

export const VerificationSchema = z.strictObject({
  inspectionDay: day,
  rows: z
    .array(
      z
        .strictObject({ fonds: fondsCode, kind: z.enum(WORK_KIND_KEYS), verified: z.number().min(0).max(1e9), note: text().trim().max(1000).default("") })
        .superRefine(amountFitsKind("verified")),
    )
    .min(1)
    .max(2000),
});

export const AcceptanceSchema = z
  .strictObject({
    fonds: fondsCode,
    kind: z.enum(WORK_KIND_KEYS),
    amount: z.number().positive().max(1e9),
    minuteNumber: text().trim().min(1).max(100),
    minuteDate: day,
    /** Accepting more than the software counted needs a reason, kept with the acceptance and in the audit log. */
    override: z.strictObject({ reason: text().trim().min(10).max(1000) }).optional(),
  })
  .superRefine(amountFitsKind("amount"));

/** The day whose counted figures an inspection sheet shows beside the verified ones. */
export const CountedQuery = z.strictObject({ day });
