// The GraphStore interface: the one contract that the embedded (graphology) and
// the Neo4j store implement and that ingestion, export and the GraphQL API use.
// Types and error classes only; no implementation imports here.
import type {
  DocumentRecord,
  EntityRecord,
  Evidence,
  Extraction,
  NodeLabel,
  Properties,
  RelationRecord,
  RelationType,
} from "../types.js";

/** An entity as stored: the extracted record plus what the store derives. */
export interface StoredEntity extends Omit<EntityRecord, "mentions"> {
  /** Number of distinct documents that mention it. */
  documentCount: number;
  degree?: number;
  pagerank?: number;
  community?: number;
}

export interface StoredRelation extends RelationRecord {
  /** relationKey(type, source, target) */
  key: string;
}

export type Direction = "OUT" | "IN" | "BOTH";

export interface Page {
  limit: number;
  offset: number;
}

export interface PageResult<T> {
  items: T[];
  totalCount: number;
}

export interface RelationQuery {
  types?: RelationType[];
  direction?: Direction;
}

/** A relation seen from one entity: the other end included. */
export interface Neighbour {
  relation: StoredRelation;
  direction: "OUT" | "IN";
  other: StoredEntity;
}

export interface AnnouncementQuery {
  /** Entity ids of speakers/issuers (already resolved from names by the caller). */
  by?: string[];
  /** Entity ids the announced thing or statement is about (linked from the Policy/Program/Statement). */
  about?: string[];
  since?: string;
  until?: string;
}

export interface Announcement {
  kind: "ISSUED" | "ANNOUNCED" | "STATED";
  speaker: StoredEntity;
  what: StoredEntity;
  date: string | null;
  relation: StoredRelation;
}

/** A zone's FOCUSES_ON relation with both ends, so that a page needs no second lookup for them. */
export interface ZoneIndustryLink extends StoredRelation {
  zone: StoredEntity;
  industry: StoredEntity;
}

export interface ZoneIndustryQuery {
  zones?: string[];
  industries?: string[];
}

export interface PathResult {
  nodes: StoredEntity[];
  relations: StoredRelation[];
}

export interface GraphStats {
  nodes: Record<string, number>;
  relations: Record<string, number>;
  documents: number;
  evidence: number;
}

export interface IngestOptions {
  dryRun?: boolean;
}

export interface IngestSummary {
  documents: { added: number; replaced: number; unchanged: number };
  /** `removed`: dropped because a changed document was their only support. */
  entities: {
    created: Record<string, number>;
    updated: Record<string, number>;
    removed?: Record<string, number>;
  };
  relations: {
    created: Record<string, number>;
    updated: Record<string, number>;
    removed?: Record<string, number>;
  };
  evidence: { added: number; removed: number };
  dryRun: boolean;
}

export interface GraphStore {
  readonly kind: "embedded" | "neo4j";

  /** Apply schema (constraints/indexes) or load the file; idempotent. */
  open(): Promise<void>;
  close(): Promise<void>;

  /**
   * Merge an extraction. Documents whose hash is unchanged are skipped; a document
   * whose hash changed has its earlier facts (mentions, evidence, statements)
   * replaced without touching what other documents contributed.
   */
  ingest(extraction: Extraction, options?: IngestOptions): Promise<IngestSummary>;

  /** Recompute degree, PageRank and Louvain community and store them on nodes. */
  computeAnalytics(): Promise<void>;

  getEntities(ids: readonly string[]): Promise<(StoredEntity | null)[]>;
  /** Exact match on canonical name or any alias, after normaliseName(). */
  findByName(name: string, label?: NodeLabel): Promise<StoredEntity[]>;
  /** Ranked substring / full-text search over names and aliases. */
  search(text: string, labels: NodeLabel[] | undefined, page: Page): Promise<PageResult<StoredEntity>>;
  /** Batched neighbourhoods, one result list per input id (for DataLoader). */
  neighbours(ids: readonly string[], query: RelationQuery): Promise<Neighbour[][]>;
  /**
   * Batched neighbourhood pages, one per input id (an unknown id: empty, total 0).
   * Both stores order by relation type, then the other end's name, then its id,
   * then direction ("IN" before "OUT"), comparing strings by UTF-16 code units
   * (`<`, not localeCompare), so a page and its cursor mean the same on either.
   */
  neighbourPages(ids: readonly string[], query: RelationQuery, page: Page): Promise<PageResult<Neighbour>[]>;
  getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]>;
  mentionsOf(
    entityId: string,
    page: Page,
  ): Promise<PageResult<{ documentId: string; start: number; end: number; text: string }>>;
  announcements(query: AnnouncementQuery, page: Page): Promise<PageResult<Announcement>>;
  zoneIndustries(query: ZoneIndustryQuery, page: Page): Promise<PageResult<ZoneIndustryLink>>;
  shortestPath(fromId: string, toId: string, maxHops: number): Promise<PathResult | null>;
  stats(): Promise<GraphStats>;
  /** The whole graph in the interchange format (for export). */
  exportAll(): Promise<Extraction>;
}

export type { Evidence, Properties };

export class GraphStoreError extends Error {
  override name = "GraphStoreError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An ingest that stopped part-way: which documents are not (fully) in the store. */
export class IngestFailedError extends GraphStoreError {
  override name = "IngestFailedError";
  constructor(
    message: string,
    readonly unwrittenDocuments: string[],
    override readonly cause?: unknown,
  ) {
    super("INGEST_FAILED", message);
  }
}
