// Bytes → page text, in one place for files, folders, standard input and the
// streaming reader: the encoding is sniffed (sniff.ts: BOM, UTF-8, GB18030/GBK,
// UTF-16 without BOM, Big5), empty and binary files are refused with a one-line
// reason, control characters are cleaned (controls.ts) and HTML or markdown
// pages are turned into plain text (html.ts, markdown.ts).
import path from "node:path";
import iconv from "iconv-lite";
import { cleanControls } from "./controls.js";
import { htmlToText, looksLikeHtml } from "./html.js";
import { markdownToText } from "./markdown.js";
import { SNIFF_BYTES, sniff } from "./sniff.js";
import type { Sniffed, TextEncoding } from "./sniff.js";

export class InputError extends Error {
  override name = "InputError";
}

export type PageFormat = "text" | "html" | "markdown";

const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml", ".shtml"]);
const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);

/** How a page's text is written: by the file's extension, else by its first characters. */
export function pageFormat(name: string, text: string): PageFormat {
  const ext = path.extname(name).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return "html";
  if (MARKDOWN_EXTENSIONS.has(ext)) return "markdown";
  return looksLikeHtml(text) ? "html" : "text";
}

/** Decoded text → the page's plain text (controls cleaned, markup removed). */
export function toPageText(text: string, name: string): string {
  const format = pageFormat(name, text);
  const plain = format === "html" ? htmlToText(text) : format === "markdown" ? markdownToText(text) : text;
  return cleanControls(plain);
}

/** The sniffed encoding, or an InputError naming the file and why it is skipped. */
export function textEncoding(sniffed: Sniffed, name: string): { encoding: TextEncoding; bom: number } {
  if (sniffed.kind === "empty") throw new InputError(`${name}: empty file, skipped`);
  if (sniffed.kind === "binary") throw new InputError(`${name}: ${sniffed.reason}, skipped`);
  return sniffed;
}

/** Bytes → text in their sniffed encoding (BOM removed), nothing else. */
export function decodeBytes(buffer: Uint8Array, name: string): string {
  const sample = buffer.length > SNIFF_BYTES ? buffer.subarray(0, SNIFF_BYTES) : buffer;
  const { encoding, bom } = textEncoding(sniff(sample, sample.length === buffer.length), name);
  const body = buffer.subarray(bom);
  if (encoding === "utf-8") return new TextDecoder("utf-8").decode(body);
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
}

/** Bytes of one page → its plain text; `name` (a path) picks HTML/markdown handling and names errors. */
export function decode(buffer: Uint8Array, name: string): string {
  const text = toPageText(decodeBytes(buffer, name), name);
  if (text.trim() === "") throw new InputError(`${name}: no text (only whitespace or markup), skipped`);
  return text;
}

/** Incremental decoding of a large file in its sniffed encoding (characters split across chunks kept). */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding);
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? "",
  };
}
