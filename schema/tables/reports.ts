// Progress reports as immutable snapshots, the centre's own words on them, inspections and acceptance.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { DocumentSettings } from "../reports/document-settings";
import type { StoredNotes } from "../reports/notes-merge";
import { createdAt, projects } from "./core";

export const REPORT_TYPES = ["weekly", "monthly", "inspection", "adhoc"] as const;

/** Figures as they were when generated; regenerating makes a new version, never an edit. */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    type: text("type", { enum: REPORT_TYPES }).notNull(),
    from: text("from_day").notNull(),
    to: text("to_day").notNull(),
    version: integer("version").notNull(),
    generatedAt: integer("generated_at").notNull(),
    generatedBy: text("generated_by").notNull(), // "cron" or a user's name
    content: text("content", { mode: "json" }).notNull(),
  },
  (t) => [uniqueIndex("reports_version").on(t.projectId, t.type, t.from, t.to, t.version), index("reports_project").on(t.projectId, t.to)],
);

/** Difficulties (khó khăn, vướng mắc) and proposals (kiến nghị) the centre writes for a report period. */
export const reportNotes = sqliteTable(
  "report_notes",
  {
    projectId: text("project_id").notNull(),
    type: text("type").notNull(),
    from: text("from_day").notNull(),
    to: text("to_day").notNull(),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    /** The centre's reason per item behind plan ("code/kind" → words), shown in the official document. */
    reasons: text("reasons", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.type, t.from, t.to] })],
);

/**
 * How a project's reports are issued as official documents (Nghị định 30/2020/NĐ-CP): who issues and
 * signs them, to whom they go. One row per project; absent, defaults come from the province's name
 * (schema/reports/document-settings.ts).
 */
export const reportDocuments = sqliteTable("report_documents", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id),
  parentBody: text("parent_body").notNull(), // cơ quan chủ quản, e.g. "UBND TỈNH HÀ TĨNH"
  issuingBody: text("issuing_body").notNull(), // e.g. "SỞ NỘI VỤ"
  place: text("place").notNull(), // địa danh in "Hà Tĩnh, ngày … tháng … năm …"
  recipient: text("recipient").notNull(), // "Kính gửi: …"
  distribution: text("distribution", { mode: "json" }).$type<string[]>().notNull(), // "Nơi nhận:" lines
  signerPosition: text("signer_position").notNull(), // may span lines: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
  signerName: text("signer_name").notNull(),
  numberSuffix: text("number_suffix").notNull(), // "BC-SNV" in "Số: …/BC-SNV"
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Figures an inspector verified "on the software" for a fonds and kind (đối soát, seed 000/001). */
export const verifications = sqliteTable(
  "verifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id").notNull(),
    inspectionDay: text("inspection_day").notNull(),
    fondsCode: text("fonds_code").notNull(),
    kind: text("kind").notNull(),
    reported: integer("reported").notNull(),
    verified: integer("verified").notNull(),
    note: text("note").notNull().default(""),
    userName: text("user_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("verifications_project").on(t.projectId, t.inspectionDay)],
);

/** Accepted volume (nghiệm thu, seed 002) per fonds and kind, with the acceptance minute's number and date. */
export const acceptances = sqliteTable(
  "acceptances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id").notNull(),
    fondsCode: text("fonds_code").notNull(),
    kind: text("kind").notNull(),
    amount: integer("amount").notNull(),
    minuteNumber: text("minute_number").notNull(), // số biên bản
    minuteDate: text("minute_date").notNull(),
    userName: text("user_name").notNull(),
    /** Why more than the counted volume was accepted (vượt số đếm); null when within it. */
    overrideReason: text("override_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("acceptances_project").on(t.projectId)],
);

/**
 * A due report's filing, one per submitted version: the centre signs it off (submitted), the department
 * takes it in (received). What the signed document says is kept with it (the document settings and the
 * notes at the moment of submission), so later edits never change a submitted report. A correction
 * (bản điều chỉnh) marks the submitted version corrected and makes the next version, filed in its turn.
 */
export const reportFilings = sqliteTable(
  "report_filings",
  {
    reportId: text("report_id").primaryKey(),
    projectId: text("project_id").notNull(),
    type: text("type", { enum: REPORT_TYPES }).notNull(),
    from: text("from_day").notNull(),
    to: text("to_day").notNull(),
    submittedAt: integer("submitted_at").notNull(),
    submittedBy: text("submitted_by").notNull(),
    receivedAt: integer("received_at"),
    receivedBy: text("received_by"),
    /** The official document's settings as submitted; null for filings made before they were kept. */
    document: text("document", { mode: "json" }).$type<DocumentSettings>(),
    /** The centre's notes as submitted (null: there were none). */
    notes: text("notes", { mode: "json" }).$type<StoredNotes>(),
    correctedAt: integer("corrected_at"),
    correctedBy: text("corrected_by"),
    correctionReason: text("correction_reason"),
  },
  (t) => [index("report_filings_period").on(t.projectId, t.type, t.from, t.to)],
);
