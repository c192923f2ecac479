// The official document (schema/reports/document.ts) as Word, the format officials edit and sign in
// (DOMAIN.md "Official documents"). Layout per Nghị định 30/2020/NĐ-CP: A4 portrait, Times New Roman,
// margins 20 mm top and bottom, 30 mm left, 15 mm right; quốc hiệu 12 pt bold, tiêu ngữ 13 pt bold
// underlined, body 13 pt; the tables in 10 pt so the seed 001 shape (three figures per kind) fits the
// portrait width without turning the page. `Packer.toArrayBuffer` zips with fflate, no Node Buffer,
// so it runs in workerd as it is.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type ITableBordersOptions } from "docx";
import type { DocCell, DocTable, OfficialDocument } from "../../schema/reports/document";

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const pt = (n: number) => n * 2; // docx sizes are half-points

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID: ITableBordersOptions = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

function line(text: string, style: RunStyle = {}, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, after = 0): Paragraph {
  return new Paragraph({
    alignment: align,
    spacing: { before: 0, after, line: 240 },
    children: [new TextRun({ text, size: pt(style.size ?? 13), bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined })],
  });
}

/** The short rule under the issuing body: a bottom border on an indented empty paragraph draws it
 * centred, a third of the block wide. */
function shortRule(blockWidth: number): Paragraph {
  const indent = Math.round(blockWidth / 3);
  return new Paragraph({ indent: { left: indent, right: indent }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } }, spacing: { before: 0, after: 120 }, children: [] });
}

function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children })) })),
  });
}

function header(d: OfficialDocument): Table {
  const left = Math.round(WIDTH * 0.4);
  const widths = [left, WIDTH - left];
  return layoutTable(widths, [
    [
      [line(d.parentBody, { size: 12 }), line(d.issuingBody, { size: 12, bold: true }), shortRule(left)],
      [line(d.nationalTitle, { size: 12, bold: true }), line(d.motto, { size: 13, bold: true, underline: true }, AlignmentType.CENTER, 120)],
    ],
    [[line(d.number, { size: 13 })], [line(d.placeDate, { size: 13, italics: true })]],
  ]);
}

function dataCell(c: DocCell, width: number, head: boolean): TableCell {
  const align = c.align === "right" ? AlignmentType.RIGHT : c.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: head ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [line(c.text, { size: 10, bold: c.bold }, align)],
  });
}

function dataTable(t: DocTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * WIDTH));
  // A spanning cell is as wide as the columns it covers; rowSpan continuations are added by docx.
  const row = (cells: DocCell[], head: boolean) => {
    let col = 0;
    const children = cells.map((c) => {
      const span = c.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return dataCell(c, width, head);
    });
    return new TableRow({ tableHeader: head, cantSplit: true, children });
  };
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [...t.head.map((r) => row(r, true)), ...t.body.map((r) => row(r, false))],
  });
}

function body(d: OfficialDocument): (Paragraph | Table)[] {
  return d.body.map((b) => {
    if (b.type === "table") return dataTable(b.table);
    const heading = b.type === "heading";
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(10) },
      keepNext: heading,
      spacing: { before: heading ? 120 : 0, after: 120, line: 276 },
      children: [new TextRun({ text: b.text, size: pt(13), bold: heading })],
    });
  });
}

function footer(d: OfficialDocument): Table {
  const left = Math.round(WIDTH * 0.45);
  const signer = [
    ...d.signer.position.map((p) => line(p, { size: 13, bold: true })),
    line(d.signer.placeholder, { size: 13, italics: true }, AlignmentType.CENTER, 1200),
    line(d.signer.name, { size: 13, bold: true }),
  ];
  const recipients = [line(d.distributionTitle, { size: 12, bold: true, italics: true }, AlignmentType.LEFT), ...d.distribution.map((l) => line(l, { size: 11 }, AlignmentType.LEFT))];
  return layoutTable([left, WIDTH - left], [[recipients, signer]]);
}

export async function toDocx(d: OfficialDocument): Promise<ArrayBuffer> {
  const doc = new Document({
    creator: d.issuingBody,
    title: `${d.docType} ${d.summary}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: pt(13) } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          header(d),
          line(d.docType, { size: 14, bold: true }, AlignmentType.CENTER),
          line(d.summary, { size: 14, bold: true }, AlignmentType.CENTER, 120),
          line(d.recipient, { size: 14 }, AlignmentType.CENTER, 240),
          ...body(d),
          new Paragraph({ children: [] }),
          footer(d),
        ],
      },
    ],
  });
  return Packer.toArrayBuffer(doc);
}
