// The Neo4j GraphStore: writes through ingest.ts, reads as auto-commit READ
// statements (retried through executeQuery on transient errors), schema applied from
// cypher/schema.cypher on open().
import neo4j from "neo4j-driver";
import type { Driver } from "neo4j-driver";
import { entityId, normaliseName } from "../../ids.js";
import type { DocumentRecord, Extraction, NodeLabel } from "../../types.js";
import { NODE_LABELS } from "../../types.js";
import { computeGraphAnalytics } from "../analytics.js";
import { cmp, compareMentions } from "../prepare.js";
import type {
  Announcement,
  AnnouncementQuery,
  GraphStats,
  GraphStore,
  IngestOptions,
  IngestSummary,
  Neighbour,
  Page,
  PageResult,
  PathResult,
  RelationQuery,
  StoredEntity,
  StoredRelation,
  ZoneIndustryLink,
  ZoneIndustryQuery,
} from "../store.js";
import { ingestNeo4j } from "./ingest.js";
import { pipelined } from "./transactions.js";
import * as q from "./queries.js";
import { applySchema } from "./schema.js";
import { toEntity, toRelation } from "./values.js";

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /**
   * How long a transaction is retried (exponential backoff with jitter, by the
   * driver) on transient errors and lost connections before it fails; default 20 s.
   */
  maxTransactionRetryTime?: number;
  /**
   * Server-side timeout of every read transaction, ms (serve sets the API's request
   * timeout): Neo4j terminates a query that runs longer, so an abandoned request
   * does not keep the server busy. Unset: no timeout (exports of a large graph).
   */
  readTimeoutMs?: number;
}

type Row = Record<string, unknown>;
type RelMap = { type: string; source: string; target: string; props: Row };

const rel = (r: RelMap): StoredRelation => toRelation(r.type, r.source, r.target, r.props);

/** Exact name > prefix > substring over the normalised name and aliases (as the embedded store). */
function rankOf(e: StoredEntity, key: string): number {
  let best = 3;
  for (const n of [e.name, ...e.aliases].map(normaliseName)) {
    const r = n === key ? 0 : n.startsWith(key) ? 1 : n.includes(key) ? 2 : 3;
    best = Math.min(best, r);
  }
  return best;
}

/** A Lucene phrase query: the text quoted, with Lucene's escape character escaped. */
const phrase = (key: string) => `"${key.replace(/[\\"]/g, "\\$&")}"`;

export class Neo4jGraphStore implements GraphStore {
  readonly kind = "neo4j" as const;
  readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly readTimeoutMs: number | undefined;

  constructor(config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: config.maxTransactionRetryTime ?? 20_000,
      userAgent: "policygraph",
    });
    this.database = config.database;
    this.readTimeoutMs = config.readTimeoutMs;
  }

  async open(): Promise<void> {
    await this.driver.verifyConnectivity();
    await applySchema(this.driver, this.database);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * One read statement as an auto-commit transaction: one round trip (RUN+PULL)
   * instead of a transaction function's BEGIN, RUN+PULL, COMMIT, which measured
   * about twice the client CPU and two to three times the latency per statement
   * under load. A retryable failure (lost connection, leader switch) falls back to
   * executeQuery, whose transaction function the driver retries with backoff.
   */
  private async read(query: string, params: Row = {}): Promise<Row[]> {
    const transactionConfig = this.readTimeoutMs ? { timeout: this.readTimeoutMs } : {};
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const { records } = await session.run(query, params, transactionConfig);
      return records.map((r) => r.toObject() as Row);
    } catch (err) {
      if (!neo4j.isRetryableError(err)) throw err;
    } finally {
      await session.close();
    }
    const { records } = await this.driver.executeQuery(query, params, {
      routing: neo4j.routing.READ,
      database: this.database,
      transactionConfig,
    });
    return records.map((r) => r.toObject() as Row);
  }

  async ingest(extraction: Extraction, options: IngestOptions = {}): Promise<IngestSummary> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      if (options.dryRun) {
        // Everything in one transaction that is never committed.
        const tx = session.beginTransaction();
        try {
          return await ingestNeo4j(pipelined(tx), extraction, true);
        } finally {
          await tx.rollback();
        }
      }
      return await ingestNeo4j(
        (statements) => session.executeWrite((tx) => pipelined(tx)(statements)),
        extraction,
        false,
      );
    } finally {
      await session.close();
    }
  }

  async computeAnalytics(): Promise<void> {
    const nodes = (await this.read(q.analyticsNodes)).map((r) => r.id as string);
    const edges = (await this.read(q.analyticsEdges)).map((r) => [r.s as string, r.t as string] as const);
    const result = computeGraphAnalytics(nodes, edges);
    const rows = [...result].map(([id, a]) => ({ id, ...a }));
    const session = this.driver.session({ database: this.database });
    try {
      for (let i = 0; i < rows.length; i += 10_000)
        await session.executeWrite((tx) => tx.run(q.writeAnalytics, { rows: rows.slice(i, i + 10_000) }));
    } finally {
      await session.close();
    }
  }

  async getEntities(ids: readonly string[]): Promise<(StoredEntity | null)[]> {
    const found = new Map<string, StoredEntity>();
    for (const r of await this.read(q.getEntities, { ids: [...ids] })) {
      const e = toEntity(r.e as Row);
      found.set(e.id, e);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async findByName(name: string, label?: NodeLabel): Promise<StoredEntity[]> {
    const key = normaliseName(name);
    if (key === "") return [];
    const ids = (label ? [label] : NODE_LABELS).map((l) => entityId(l, name));
    const rows = await this.read(q.findByName, { ids, phrase: phrase(key), key, label: label ?? null });
    return rows
      .map((r) => toEntity(r.e as Row))
      .sort((a, b) => b.documentCount - a.documentCount || cmp(a.id, b.id));
  }

  async search(text: string, labels: NodeLabel[] | undefined, page: Page): Promise<PageResult<StoredEntity>> {
    const key = normaliseName(text);
    if (key === "") return { items: [], totalCount: 0 };
    const rows = await this.read(q.searchCandidates, {
      phrase: phrase(key),
      key,
      labels: labels?.length ? labels : null,
    });
    const hits = rows
      .map((r) => toEntity(r.e as Row))
      .map((e) => ({ e, r: rankOf(e, key) }))
      .filter((h) => h.r < 3)
      .sort(
        (a, b) =>
          a.r - b.r ||
          b.e.documentCount - a.e.documentCount ||
          cmp(a.e.id, b.e.id) ||
          a.e.name.length - b.e.name.length,
      );
    return {
      items: hits.slice(page.offset, page.offset + page.limit).map((h) => h.e),
      totalCount: hits.length,
    };
  }

  async neighbours(ids: readonly string[], query: RelationQuery): Promise<Neighbour[][]> {
    const rows = await this.read(q.neighbours, {
      ids: [...new Set(ids)],
      dir: query.direction ?? "BOTH",
      types: query.types?.length ? query.types : null,
    });
    const by = new Map<string, Neighbour[]>();
    for (const r of rows) {
      const list = by.get(r.id as string) ?? [];
      by.set(r.id as string, list);
      list.push({
        relation: rel(r.r as RelMap),
        direction: r.direction as "OUT" | "IN",
        other: toEntity(r.o as Row),
      });
    }
    for (const list of by.values())
      list.sort((a, b) => cmp(a.relation.type, b.relation.type) || cmp(a.relation.key, b.relation.key));
    return ids.map((id) => by.get(id) ?? []);
  }

  async neighbourPages(
    ids: readonly string[],
    query: RelationQuery,
    page: Page,
  ): Promise<PageResult<Neighbour>[]> {
    const rows = await this.read(q.neighbourPages, {
      ids: [...new Set(ids)],
      dir: query.direction ?? "BOTH",
      types: query.types?.length ? query.types : null,
      offset: neo4j.int(page.offset),
      limit: neo4j.int(page.limit),
    });
    const by = new Map<string, PageResult<Neighbour>>();
    for (const r of rows)
      by.set(r.id as string, {
        totalCount: Number(r.total),
        items: (r.items as Row[]).map((x) => ({
          relation: rel(x.r as RelMap),
          direction: x.direction as "OUT" | "IN",
          other: toEntity(x.o as Row),
        })),
      });
    return ids.map((id) => by.get(id) ?? { items: [], totalCount: 0 });
  }

  async getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]> {
    const found = new Map<string, DocumentRecord>();
    for (const r of await this.read(q.getDocuments, { ids: [...ids] })) {
      const d = r.d as Row;
      const doc: DocumentRecord = {
        id: d.id as string,
        title: d.title as string,
        date: (d.date as string | undefined) ?? null,
        source: d.source as string,
      };
      for (const k of ["byline", "language", "hash", "text"] as const)
        if (d[k] !== undefined && d[k] !== null) (doc as unknown as Row)[k] = d[k];
      found.set(doc.id, doc);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async mentionsOf(
    entityId: string,
    page: Page,
  ): Promise<PageResult<{ documentId: string; start: number; end: number; text: string }>> {
    const all = (await this.read(q.mentionsOf, { id: entityId }))
      .flatMap((r) =>
        (r.starts as number[]).map((start, i) => ({
          documentId: r.doc as string,
          start: Number(start),
          end: Number((r.ends as number[])[i]),
          text: (r.texts as string[])[i]!,
        })),
      )
      .sort(compareMentions);
    return { items: all.slice(page.offset, page.offset + page.limit), totalCount: all.length };
  }

  async announcements(query: AnnouncementQuery, page: Page): Promise<PageResult<Announcement>> {
    const params = {
      by: query.by ?? null,
      about: query.about?.length ? query.about : null,
      since: query.since ?? null,
      until: query.until ?? null,
      offset: page.offset,
      limit: page.limit,
    };
    const text = query.by
      ? q.announcementsBy
      : query.about?.length
        ? q.announcementsAbout
        : q.announcementsAll;
    const [row] = await this.read(text, params);
    const items = ((row?.items as Row[] | undefined) ?? []).map((it) => {
      const relation = rel(it.r as RelMap);
      return {
        kind: relation.type as Announcement["kind"],
        speaker: toEntity(it.s as Row),
        what: toEntity(it.w as Row),
        date: (it.date as string | null) ?? null,
        relation,
      };
    });
    return { items, totalCount: Number(row?.total ?? 0) };
  }

  async zoneIndustries(query: ZoneIndustryQuery, page: Page): Promise<PageResult<ZoneIndustryLink>> {
    const params = {
      zones: query.zones?.length ? query.zones : null,
      industries: query.industries?.length ? query.industries : null,
      offset: page.offset,
      limit: page.limit,
    };
    const text = params.zones
      ? q.zoneIndustriesByZone
      : params.industries
        ? q.zoneIndustriesByIndustry
        : q.zoneIndustriesAll;
    const [row] = await this.read(text, params);
    return {
      items: ((row?.items as { rel: RelMap; zone: Row; industry: Row }[] | undefined) ?? []).map((x) => ({
        ...rel(x.rel),
        zone: toEntity(x.zone),
        industry: toEntity(x.industry),
      })),
      totalCount: Number(row?.total ?? 0),
    };
  }

  async shortestPath(fromId: string, toId: string, maxHops: number): Promise<PathResult | null> {
    if (fromId === toId) {
      const [e] = await this.getEntities([fromId]);
      return e ? { nodes: [e], relations: [] } : null;
    }
    if (maxHops < 1) return null;
    const [row] = await this.read(q.shortestPath(maxHops), { from: fromId, to: toId });
    if (!row) return null;
    return { nodes: (row.nodes as Row[]).map(toEntity), relations: (row.rels as RelMap[]).map(rel) };
  }

  async stats(): Promise<GraphStats> {
    const nodes: Record<string, number> = {};
    for (const r of await this.read(q.countNodes()))
      if (Number(r.n) > 0) nodes[r.label as string] = Number(r.n);
    const relations: Record<string, number> = {};
    for (const r of await this.read(q.countRelations()))
      if (Number(r.n) > 0) relations[r.type as string] = Number(r.n);
    const [totals] = await this.read(q.countDocumentsAndEvidence);
    return {
      nodes,
      relations,
      documents: Number(totals?.documents ?? 0),
      evidence: Number(totals?.evidence ?? 0),
    };
  }

  async exportAll(): Promise<Extraction> {
    const documents = (
      await this.getDocuments((await this.read(q.exportDocuments)).map((r) => (r.d as Row).id as string))
    ).filter((d): d is DocumentRecord => d !== null);
    const entities = (await this.read(q.exportEntities)).map((r) => {
      const { documentCount: _d, degree: _g, pagerank: _p, community: _c, ...entity } = toEntity(r.e as Row);
      const mentions = (
        r.mentions as { doc: string | null; starts: number[]; ends: number[]; texts: string[] }[]
      )
        .filter((m) => m.doc !== null)
        .flatMap((m) =>
          m.starts.map((start, i) => ({
            documentId: m.doc!,
            start: Number(start),
            end: Number(m.ends[i]),
            text: m.texts[i]!,
          })),
        )
        .sort(compareMentions);
      return { ...entity, mentions };
    });
    const relations = (await this.read(q.exportRelations))
      .map((r) => rel(r.r as RelMap))
      .sort((a, b) => cmp(a.key, b.key))
      .map(({ key: _k, ...relation }) => relation);
    return { documents, entities: entities.sort((a, b) => cmp(a.id, b.id)), relations };
  }
}
