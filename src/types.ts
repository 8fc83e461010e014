// The interchange format of ../shared/ONTOLOGY.md: what `extract` prints, what
// `ingest` consumes and what `export --format json` writes. Every layer (engine,
// stores, API) speaks these types, so they hold data only.

export const ENTITY_LABELS = [
  "Agency",
  "Person",
  "Enterprise",
  "Organization",
  "Zone",
  "Region",
  "Policy",
  "Report",
  "Program",
  "Industry",
  "Event",
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Labels of nodes that appear in `entities` (Statement included; Document is separate). */
export type NodeLabel = EntityLabel | "Statement";
export const NODE_LABELS: readonly NodeLabel[] = [...ENTITY_LABELS, "Statement"];

export const RELATION_TYPES = [
  "ISSUED",
  "HOLDS_POSITION",
  "STATED",
  "ANNOUNCED",
  "LOCATED_IN",
  "FOCUSES_ON",
  "MEMBER_OF",
  "PART_OF",
  "VISITED",
  "MENTIONS",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export type Scalar = string | number | boolean | null;
export type Properties = Record<string, Scalar | Scalar[]>;

export interface DocumentRecord {
  /** Stable id: `<file name>#<item index>`, e.g. `000_234e6b8e20bdd9e9.txt#3`. */
  id: string;
  title: string;
  /** ISO 8601 date of the news item, or null when neither page nor CLI gave one. */
  date: string | null;
  /** Path or URL the page was read from. */
  source: string;
  byline?: string | null;
  language?: "zh" | "en";
  /** Content hash of the item's normalised text (sha256 hex); drives incremental ingestion. */
  hash?: string;
  /** Normalised text; present only with `--with-text`. */
  text?: string;
}

export interface Mention {
  documentId: string;
  /** JavaScript string indices into the document's normalised text. */
  start: number;
  end: number;
  /** The surface form found there (full name, short form or another alias). */
  text: string;
}

export interface EntityRecord {
  /** Derived from label and normalised canonical name: see `entityId()` in src/ids.ts. */
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  properties: Properties;
  mentions: Mention[];
}

export interface Evidence {
  documentId: string;
  sentence: string;
  /** Offsets of `sentence` in the document's normalised text. */
  start: number;
  end: number;
  /** Id of the rule in extract/ that produced the relation. */
  rule: string;
}

export interface RelationRecord {
  type: RelationType;
  source: string;
  target: string;
  properties: Properties;
  evidence: Evidence[];
}

export interface Extraction {
  documents: DocumentRecord[];
  entities: EntityRecord[];
  relations: RelationRecord[];
}
