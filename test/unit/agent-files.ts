// Real scan files for the agent's tests, written byte by byte: TIFFs (classic and BigTIFF, either byte
// order, one IFD per page with a small strip each) and minimal PDFs, each with a seed in its bytes so
// every file has its own content hash unless a test wants a copy.
export interface TiffOptions {
  pages: number;
  seed?: number;
  bigEndian?: boolean;
  bigTiff?: boolean;
  /** A reduced-resolution IFD (a thumbnail) after the pages: not a page. */
  thumbnail?: boolean;
  /** All IFDs first, image data after (some writers do): a cut file then has its IFDs but not its data. */
  ifdsFirst?: boolean;
}

const STRIP = 16;

export function tiff({ pages, seed = 0, bigEndian = false, bigTiff = false, thumbnail = false, ifdsFirst = false }: TiffOptions): Uint8Array {
  const images = pages + (thumbnail ? 1 : 0);
  const header = bigTiff ? 16 : 8;
  const entrySize = bigTiff ? 20 : 12;
  const entries = 10;
  const ifdSize = (bigTiff ? 8 : 2) + entries * entrySize + (bigTiff ? 8 : 4);
  const out = new Uint8Array(header + images * (ifdSize + STRIP));
  const view = new DataView(out.buffer);
  const le = !bigEndian;
  const put = (at: number, width: number, value: number) => {
    if (width === 2) view.setUint16(at, value, le);
    else if (width === 4) view.setUint32(at, value, le);
    else view.setBigUint64(at, BigInt(value), le);
  };
  out.set(bigEndian ? [0x4d, 0x4d] : [0x49, 0x49], 0);
  put(2, 2, bigTiff ? 43 : 42);
  const ifdAt = (i: number) => (ifdsFirst ? header + i * ifdSize : header + i * (ifdSize + STRIP) + STRIP);
  const dataAt = (i: number) => (ifdsFirst ? header + images * ifdSize + i * STRIP : header + i * (ifdSize + STRIP));
  if (bigTiff) {
    put(4, 2, 8);
    put(6, 2, 0);
    put(8, 8, ifdAt(0));
  } else put(4, 4, ifdAt(0));
  for (let i = 0; i < images; i++) {
    for (let b = 0; b < STRIP; b++) out[dataAt(i) + b] = (i * 7 + b) & 0xff;
    view.setUint32(dataAt(i), seed, le);
    let at = ifdAt(i);
    put(at, bigTiff ? 8 : 2, entries);
    at += bigTiff ? 8 : 2;
    const offsetType = bigTiff ? 16 : 4;
    const fields: [number, number, number][] = [
      [254, 4, i === pages ? 1 : 2], // NewSubfileType: 1 = reduced resolution, 2 = a page of a multi-page file
      [256, 3, STRIP],
      [257, 3, 1],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, offsetType, dataAt(i)],
      [277, 3, 1],
      [278, 3, 1],
      [279, offsetType, STRIP],
    ];
    for (const [tag, type, value] of fields) {
      put(at, 2, tag);
      put(at + 2, 2, type);
      put(at + 4, bigTiff ? 8 : 4, 1);
      const valueAt = at + (bigTiff ? 12 : 8);
      put(valueAt, type === 3 ? 2 : type === 16 ? 8 : 4, value);
      at += entrySize;
    }
    put(at, bigTiff ? 8 : 4, i + 1 < images ? ifdAt(i + 1) : 0);
  }
  return out;
}

/** A PDF with `pages` empty pages and a correct cross-reference table; `encrypt` adds a Standard security handler. */
export function pdf({ pages, seed = 0, encrypt = false }: { pages: number; seed?: number; encrypt?: boolean }): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  if (encrypt) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -44 >>`);
  let text = `%PDF-1.4\n% seed ${seed}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(text, "latin1"));
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, "latin1");
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  const id = `<${seed.toString(16).padStart(32, "0")}>`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt ? ` /Encrypt ${objects.length} 0 R /ID [${id} ${id}]` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, "latin1");
}

export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
