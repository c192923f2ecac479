// Pages of a PDF from its page tree, read by pdf-lib (which follows cross-reference streams and object
// streams). A PDF is complete only when it ends with %%EOF (ISO 32000-1 §7.5.5): pdf-lib is lenient and
// would count what it finds in a half-written file, so that check comes first. An encrypted PDF is
// reported, not opened: its page tree may be readable, but the agent does not count what it cannot open.
import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { PageCountError } from "./counted";

const EOF_MARKER = Buffer.from("%%EOF");
/** Writers may put a newline or a little padding after %%EOF. */
const TAIL_BYTES = 1024;

export function isPdf(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 1024)).includes("%PDF-");
}

export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES))).includes(EOF_MARKER)) {
    throw new PageCountError("incomplete", "no %%EOF at the end of the file");
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    // pdf-lib's errors are ES5 subclasses of Error, which `instanceof` does not recognise: the message does.
    if (err instanceof EncryptedPDFError || /is encrypted/.test((err as Error).message)) throw new PageCountError("encrypted", "the PDF is encrypted");
    throw new PageCountError("corrupt", `unreadable PDF: ${(err as Error).message}`);
  }
  if (doc.isEncrypted) throw new PageCountError("encrypted", "the PDF is encrypted");
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (err) {
    throw new PageCountError("corrupt", `no page tree: ${(err as Error).message}`);
  }
  if (pages === 0) throw new PageCountError("corrupt", "the page tree has no pages");
  return pages;
}
