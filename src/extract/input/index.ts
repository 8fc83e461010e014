// Reading input pages: files, folders, standard input → RawPage.
export { decode, InputError } from "./decode.js";
export { listPageFiles, readPages, readStream } from "./read.js";
export type { InputFailure, ReadResult } from "./read.js";
