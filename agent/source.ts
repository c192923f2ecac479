// Random access to a file's bytes, so the page counters read headers where they are (a scan TIFF may be
// hundreds of megabytes; only its IFDs are read). A buffer source lets the tests feed bytes directly.
import { open } from "node:fs/promises";

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `position`; the caller checks the range against `size` first. */
  read(position: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (position, length) => bytes.subarray(position, position + length) };
}

/** Opens `path` for positional reads; `use` runs with the source and the file is closed after. */
export async function withFileSource<T>(path: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      async read(position, length) {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    await handle.close();
  }
}
