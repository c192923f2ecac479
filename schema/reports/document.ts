// A stored report laid out as the official document the department signs (Nghị định 30/2020/NĐ-CP;
// seeds 000, 001): header blocks, quốc hiệu, number, place and date, type and summary, "Kính gửi",
// the body with the results table in the seed 001 shape, reasons, next period's tasks, the centre's
// notes, "Nơi nhận" and the signer. One model, pure, rendered as Word (worker/reports/docx.ts) and as
// the page's print layout (web/src/components/reports/OfficialDocument.tsx), so the two cannot differ.
import { formatPercent, formatQuantity } from "../numbers";
import { dayInZone, formatDate, PROJECT_TIME_ZONE } from "../time";
import { kindTitle, type Locale } from "./columns";
import type { ReportContent } from "./content";
import type { DocumentSettings } from "./document-settings";
import { ALERT_REASONS, DOC_WORDS, KIND_UNITS, periodPhrase } from "./document-words";
import { ratingWords } from "./status";
import type { ReportCell } from "./table";

export interface DocCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  align?: "left" | "center" | "right";
  bold?: boolean;
}

export interface DocTable {
  /** Relative column widths (they sum to 100). */
  widths: number[];
  head: DocCell[][];
  body: DocCell[][];
}

export type Block = { type: "heading"; text: string } | { type: "paragraph"; text: string } | { type: "table"; table: DocTable };

export interface OfficialDocument {
  parentBody: string;
  issuingBody: string;
  nationalTitle: string;
  motto: string;
  number: string;
  placeDate: string;
  docType: string;
  summary: string;
  recipient: string;
  body: Block[];
  distributionTitle: string;
  distribution: string[];
  signer: { position: string[]; placeholder: string; name: string };
}

export interface DocumentNotes {
  difficulties: string;
  proposals: string;
  /** The centre's own words per "code/kind"; absent: prefilled from the alerts (prefilledReason). */
  reasons: Record<string, string>;
}

/** Blanks a signer fills in by hand (the number and the day are given when the document is signed). */
const BLANK = "\u00a0".repeat(8);

/** An item is behind when it missed the period's plan or fell off the curve: the items that need a reason. */
export function isBehind(c: ReportCell): boolean {
  return !c.ratings.completed && (!c.ratings.achieved || !c.ratings.onSchedule);
}

/** The alerts that fired for an item, in words: what the reason field starts from. */
export function prefilledReason(content: ReportContent, key: string, locale: Locale): string {
  const types = content.reasons[key] ?? [];
  return types.map((t) => ALERT_REASONS[t]?.[locale] ?? t).join("; ");
}

export function reasonFor(content: ReportContent, notes: DocumentNotes | null, key: string, locale: Locale): string {
  const own = notes?.reasons[key];
  return own !== undefined ? own : prefilledReason(content, key, locale);
}

function lowerFirst(s: string): string {
  // "Số hóa tài liệu" reads as part of a sentence; an acronym ("UBND …") keeps its case.
  return s.length > 1 && s[1] === s[1]!.toLocaleLowerCase("vi") ? s[0]!.toLocaleLowerCase("vi") + s.slice(1) : s;
}

function paragraphs(text: string, none: string): Block[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (lines.length ? lines : [none]).map((l) => ({ type: "paragraph", text: l }));
}

function volumeTable(content: ReportContent, locale: Locale): DocTable {
  const w = DOC_WORDS[locale];
  const kinds = content.kinds;
  const qty = (n: number, d: number) => formatQuantity(n, d, locale);
  const cells = (byKind: Record<string, ReportCell>, bold = false): DocCell[] =>
    kinds.flatMap((k) => {
      const c = byKind[k.key]!;
      // The header says "(%)": the cell holds the figure alone, so it fits a narrow column on A4 portrait.
      const pct = c.periodPlan > 0 ? formatPercent(c.periodActual / c.periodPlan, locale).replace(/\s?%$/u, "") : "—";
      return [qty(c.periodPlan, k.decimals), qty(c.periodActual, k.decimals), pct].map((text) => ({ text, align: "right" as const, bold }));
    });
  // Per kind: plan and done as wide as a 7-digit figure, the share narrower.
  const unit = kinds.length > 0 ? 70 / (kinds.length * 2.75) : 0;
  return {
    widths: [5, 25, ...kinds.flatMap(() => [unit, unit, unit * 0.75])],
    head: [
      [
        { text: w.stt, rowSpan: 2, align: "center", bold: true },
        { text: w.fonds, rowSpan: 2, align: "center", bold: true },
        ...kinds.map((k): DocCell => ({ text: kindTitle(k.key, locale), colSpan: 3, align: "center", bold: true })),
      ],
      kinds.flatMap(() => [w.plan, w.actual, `${w.percent} (%)`].map((text): DocCell => ({ text, align: "center", bold: true }))),
    ],
    body: [
      ...content.table.rows.map((r, i): DocCell[] => [{ text: String(i + 1), align: "center" }, { text: r.name }, ...cells(r.cells)]),
      [{ text: w.total, colSpan: 2, align: "center", bold: true }, ...cells(content.table.totals, true)],
    ],
  };
}

function evaluationTable(content: ReportContent, notes: DocumentNotes | null, locale: Locale): DocTable {
  const w = DOC_WORDS[locale];
  const kinds = content.kinds.map((k) => k.key);
  const rated = (c: ReportCell, reason: string, bold = false): DocCell[] => {
    const r = ratingWords(c.ratings, locale);
    return [r.completed, r.achieved, r.onSchedule, reason].map((text, i) => ({ text, align: i < 3 ? "center" : "left", bold: bold && i < 3 }));
  };
  const body: DocCell[][] = [];
  content.table.rows.forEach((row, i) => {
    kinds.forEach((kind, k) => {
      const c = row.cells[kind]!;
      const key = `${row.code}/${kind}`;
      const reason = isBehind(c) || notes?.reasons[key] ? reasonFor(content, notes, key, locale) : "";
      const lead: DocCell[] = k === 0 ? [{ text: String(i + 1), rowSpan: kinds.length, align: "center" }, { text: row.name, rowSpan: kinds.length }] : [];
      body.push([...lead, { text: kindTitle(kind, locale) }, ...rated(c, reason)]);
    });
  });
  kinds.forEach((kind, k) => {
    const lead: DocCell[] = k === 0 ? [{ text: "", rowSpan: kinds.length }, { text: w.total, rowSpan: kinds.length, bold: true }] : [];
    body.push([...lead, { text: kindTitle(kind, locale), bold: true }, ...rated(content.table.totals[kind]!, "", true)]);
  });
  return {
    widths: [6, 26, 16, 11, 9, 12, 20],
    head: [[w.stt, w.fonds, w.item, w.completed, w.achieved, w.onSchedule, w.reason].map((text): DocCell => ({ text, align: "center", bold: true }))],
    body,
  };
}

function nextTasks(content: ReportContent, locale: Locale): Block[] {
  const w = DOC_WORDS[locale];
  const amounts = (byKind: Record<string, ReportCell>) =>
    content.kinds
      .filter((k) => (byKind[k.key]?.nextTarget ?? 0) > 0)
      .map((k) => `${formatQuantity(byKind[k.key]!.nextTarget, k.decimals, locale)} ${KIND_UNITS[k.key]?.[locale] ?? k.key}`)
      .join(", ");
  const total = amounts(content.table.totals);
  if (!total) return [{ type: "paragraph", text: w.allDone }];
  return [
    { type: "paragraph", text: `${w.nextTotal}: ${total}.` },
    ...content.table.rows.flatMap((r): Block[] => {
      const a = amounts(r.cells);
      return a ? [{ type: "paragraph", text: `- ${r.name}: ${a};` }] : [];
    }),
  ];
}

export function officialDocument(content: ReportContent, notes: DocumentNotes | null, s: DocumentSettings, locale: Locale): OfficialDocument {
  const w = DOC_WORDS[locale];
  const [year, month] = dayInZone(content.generatedAt, PROJECT_TIME_ZONE).split("-");
  const period = periodPhrase(content.type, formatDate(content.from), formatDate(content.to), locale);
  const summary = locale === "vi" ? `Kết quả thực hiện ${lowerFirst(content.project.name)} ${period}` : `Results of ${content.project.name}, ${period}`;
  const basis = content.project.legalBasis.trim();
  const intro =
    locale === "vi"
      ? `${basis ? `Căn cứ ${basis}, b` : "B"}áo cáo kết quả thực hiện ${lowerFirst(content.project.name)} ${period} như sau:`
      : `${basis ? `Under ${basis}, this` : "This"} report gives the results of ${content.project.name}, ${period}, as follows:`;
  const closing =
    locale === "vi"
      ? `Trên đây là kết quả thực hiện ${lowerFirst(content.project.name)} ${period}, kính báo cáo ${s.recipient} xem xét, chỉ đạo./.`
      : `The above are the results of ${content.project.name}, ${period}, reported to ${s.recipient} for review and direction.`;
  const silent = content.silentStations.map((x) => x.name).join(", ");
  return {
    parentBody: s.parentBody,
    issuingBody: s.issuingBody,
    nationalTitle: w.nationalTitle,
    motto: w.motto,
    number: `${w.number}${BLANK}/${s.numberSuffix}`,
    placeDate: locale === "vi" ? `${s.place}, ngày${BLANK}tháng ${month} năm ${year}` : `${s.place}, ${BLANK}/${month}/${year}`,
    docType: w.docType,
    summary,
    recipient: `${w.recipient} ${s.recipient}`,
    body: [
      { type: "paragraph", text: intro },
      { type: "heading", text: w.results },
      { type: "heading", text: w.volume },
      { type: "table", table: volumeTable(content, locale) },
      { type: "heading", text: w.evaluation },
      { type: "table", table: evaluationTable(content, notes, locale) },
      ...(silent ? ([{ type: "heading", text: w.silent }, { type: "paragraph", text: `${silent}.` }] satisfies Block[]) : []),
      { type: "heading", text: w.nextTasks },
      ...nextTasks(content, locale),
      { type: "heading", text: w.difficulties },
      ...paragraphs(notes?.difficulties ?? "", w.none),
      { type: "heading", text: w.proposals },
      ...paragraphs(notes?.proposals ?? "", w.none),
      { type: "paragraph", text: closing },
    ],
    distributionTitle: w.distribution,
    distribution: s.distribution.map((l) => `- ${l}`),
    signer: { position: s.signerPosition.split(/\r?\n/).map((l) => l.trim()).filter(Boolean), placeholder: w.signature, name: s.signerName },
  };
}
