// compromise, loaded on first use. Its import unpacks an English lexicon (about half
// a second of CPU), which every process and every extraction worker paid at start-up
// even when no page was English. An ES import cannot be deferred in a synchronous
// pipeline, so the package's CommonJS build (the same release, bundled) is required
// on the first English page instead.
import { createRequire } from "node:module";
import type nlpType from "compromise";

type Nlp = typeof nlpType;

let loaded: Nlp | null = null;

export function nlp(text: string): ReturnType<Nlp> {
  loaded ??= createRequire(import.meta.url)("compromise") as Nlp;
  return loaded(text);
}
