// Types shared by the extraction stages (normalise → segment → recognise →
// resolve → relate → merge). Each stage is a pure function over these.
import type { NodeLabel, RelationType, Properties } from "../types.js";

export interface Span {
  start: number;
  end: number;
}

/** A page as read from disk or stdin, already decoded to a JS string. */
export interface RawPage {
  /** Path or "-" for standard input. */
  source: string;
  /** File name used in document ids (basename of source, or "stdin"). */
  name: string;
  text: string;
}

/** One news item of a page: the unit of extraction, a `Document` in the graph. */
export interface Article {
  id: string;
  source: string;
  index: number;
  title: string;
  date: string | null;
  /** True when the date was not printed on the item itself (page date, --date, or 近日). */
  dateApproximate?: boolean;
  byline: string | null;
  language: "zh" | "en";
  /** Normalised text of the item (title first, then body); every offset indexes this string. */
  text: string;
  /** Sentences of `text`, in order, non-overlapping. */
  sentences: Span[];
  /** Captions and photo credits, kept apart from the running text (not searched for relations). */
  captions: Span[];
}

/** A recognised span, before and after alias resolution. */
export interface EntityMention {
  label: NodeLabel;
  /** Canonical name after resolution (the surface form before it). */
  name: string;
  /** Exact text at [start, end) of the article text. */
  surface: string;
  start: number;
  end: number;
  /** Id of the gazetteer entry or pattern rule that found it. */
  rule: string;
  /** Other names the text gives for the same thing (（简称X）, 以下简称《X》). */
  aliases?: string[];
  properties?: Properties;
}

/** A relation found in one sentence, between two resolved mentions. */
export interface RelationMention {
  type: RelationType;
  source: EntityMention;
  target: EntityMention;
  properties?: Properties;
  sentence: Span;
  rule: string;
}
