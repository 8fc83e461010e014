// Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded
// here; anything else is reported as a one-line error naming the file. Other
// encodings (GBK, GB18030, BIG5 via chardet + iconv-lite) slot in at this one
// function without touching the callers.

export class InputError extends Error {
  override name = "InputError";
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decode(buffer: Uint8Array, name: string): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder("utf-16le").decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder("utf-16be").decode(buffer);
  try {
    // The decoder drops a UTF-8 BOM itself (ignoreBOM: false).
    return utf8.decode(buffer);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text (other encodings are not supported yet)`);
  }
}
