// Reads a .docx back the way a reader sees it: its paragraphs in document order and its tables as
// rows of cell texts, from word/document.xml. Enough to check what the report says, not how it looks.
import { strFromU8, unzipSync } from "fflate";

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join("");
}

export interface DocxText {
  /** Every paragraph's text, in order, those in table cells included. */
  paragraphs: string[];
  /** Each table as rows of cell texts (a cell continuing a vertical merge reads ""). */
  tables: string[][][];
  xml: string;
}

export function readDocx(bytes: ArrayBuffer | Uint8Array): DocxText {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const xml = strFromU8(files["word/document.xml"]!);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  return { paragraphs, tables, xml };
}
