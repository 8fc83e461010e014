// Reading input pages: files, folders, standard input → RawPage, whatever their
// encoding (sniff.ts) and format (plain text, HTML, markdown).
export { decode, decodeBytes, toPageText, pageFormat, chunkDecoder, InputError } from "./decode.js";
export type { ChunkDecoder, PageFormat } from "./decode.js";
export { sniff, plausibility, SNIFF_BYTES } from "./sniff.js";
export type { Sniffed, TextEncoding } from "./sniff.js";
export { cleanControls } from "./controls.js";
export { htmlToText, looksLikeHtml } from "./html.js";
export { markdownToText } from "./markdown.js";
export { PageChunker, MAX_PAGE_CHARS, cutAt } from "./chunk.js";
export { streamFilePages, pageName, STREAM_BYTES } from "./stream.js";
export type { StreamOptions } from "./stream.js";
export { filePages, listPageFiles, readPages, readStream, splitPages } from "./read.js";
export type { InputFailure, ReadResult } from "./read.js";
