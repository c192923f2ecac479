// Reads a .docx back the way a reader sees it, with mammoth (a .docx reader in its own right: it opens
// the package, follows its relationships, parses its XML and refuses what it cannot read): its
// paragraphs in document order and its tables as rows of cell texts. Enough to check what the report
// says; of how it looks, only which runs are underlined.
import mammoth from "mammoth";

// mammoth's document model (lib/documents.js), as much of it as is read here.
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  isUnderline?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

export interface DocxText {
  /** Every paragraph's text, in order, those in table cells included; a line break reads "\n". */
  paragraphs: string[];
  /** Each table as rows of cell texts (a cell continuing a vertical merge reads ""). */
  tables: string[][][];
  /** The text of every underlined run. */
  underlined: string[];
}

function textOf(e: DocElement): string {
  if (e.type === "text") return e.value ?? "";
  if (e.type === "break") return "\n";
  return (e.children ?? []).map(textOf).join("");
}

/** Rows of a table as the grid Word shows: a vertically merged cell's text in its first row, "" below. */
function rowsOf(table: DocElement): string[][] {
  const below = new Map<number, number>(); // column → rows still covered by a merge from above
  return (table.children ?? []).map((row) => {
    const cells: string[] = [];
    let column = 0;
    const fillMerged = () => {
      while ((below.get(column) ?? 0) > 0) {
        below.set(column, below.get(column)! - 1);
        cells.push("");
        column += 1;
      }
    };
    for (const cell of row.children ?? []) {
      fillMerged();
      cells.push((cell.children ?? []).map(textOf).join(""));
      if ((cell.rowSpan ?? 1) > 1) below.set(column, cell.rowSpan! - 1);
      column += cell.colSpan ?? 1;
    }
    fillMerged();
    return cells;
  });
}

export async function readDocx(bytes: ArrayBuffer | Uint8Array): Promise<DocxText> {
  // mammoth's Node entry takes a Buffer (workerd has it under nodejs_compat).
  const buffer = Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  let root: DocElement | null = null;
  const { messages } = await mammoth.convertToHtml({ buffer }, { transformDocument: (d: DocElement) => (root = d) });
  const errors = messages.filter((m) => m.type === "error");
  if (errors.length > 0) throw new Error(`the .docx could not be read: ${errors.map((e) => e.message).join("; ")}`);
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  const underlined: string[] = [];
  const walk = (e: DocElement) => {
    if (e.type === "paragraph") paragraphs.push(textOf(e));
    if (e.type === "table") tables.push(rowsOf(e));
    if (e.type === "run" && e.isUnderline) underlined.push(textOf(e));
    for (const c of e.children ?? []) walk(c);
  };
  walk(root!);
  return { paragraphs, tables, underlined };
}
