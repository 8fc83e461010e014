// A hand-made Chinese Article whose whole text is one sentence: what the stage
// tests feed the recogniser, resolver and merger without running segmentation.
import type { Article } from "../../src/extract/types.js";

export function oneSentenceArticle(
  text: string,
  { id = "test.txt#0", date = "2024-10-15", title = "" }: { id?: string; date?: string; title?: string } = {},
): Article {
  return {
    id,
    source: id.split("#")[0]!,
    index: 0,
    title,
    date,
    byline: null,
    language: "zh",
    text,
    sentences: [{ start: 0, end: text.length }],
    captions: [],
  };
}
