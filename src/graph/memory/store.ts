// The embedded GraphStore: the graph lives in memory (graphology) and in one file.
// Changes are written back atomically on close() or save(), not after every
// ingest, so that ingesting a folder file by file does not rewrite the graph once
// per file.
import { access } from "node:fs/promises";
import type { DocumentRecord, Extraction, NodeLabel } from "../../types.js";
import { computeGraphAnalytics } from "../analytics.js";
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
  ZoneIndustryLink,
  ZoneIndustryQuery,
} from "../store.js";
import { cmp } from "../prepare.js";
import { applyExtraction } from "./apply.js";
import { cloneState, loadState, saveState } from "./persist.js";
import * as reads from "./reads.js";
import { GraphState } from "./state.js";

const HUB_DEGREE = 256;
const HUB_CACHE_SIZE = 256;

function paged<T>(all: T[], page: Page): PageResult<T> {
  return { items: all.slice(page.offset, page.offset + page.limit), totalCount: all.length };
}

export class MemoryGraphStore implements GraphStore {
  readonly kind = "embedded" as const;
  private state = new GraphState();
  private dirty = false;
  private hubCache = { version: -1, lists: new Map<string, Neighbour[]>() };

  /** `file` null: a purely in-memory graph (tests, dry runs). */
  constructor(readonly file: string | null) {}

  async open(): Promise<void> {
    if (!this.file) return;
    const exists = await access(this.file).then(
      () => true,
      () => false,
    );
    this.state = exists ? await loadState(this.file) : new GraphState();
    this.dirty = false;
  }

  async close(): Promise<void> {
    if (this.dirty) await this.save();
  }

  /** Write the graph to its file now (atomic: temp file, fsync, rename). */
  async save(): Promise<void> {
    if (!this.file) return;
    await saveState(this.state, this.file);
    this.dirty = false;
  }

  async ingest(extraction: Extraction, options: IngestOptions = {}): Promise<IngestSummary> {
    const dryRun = options.dryRun ?? false;
    const target = dryRun ? cloneState(this.state) : this.state;
    const summary = applyExtraction(target, extraction, dryRun);
    target.version++;
    if (!dryRun && (summary.documents.added > 0 || summary.documents.replaced > 0)) this.dirty = true;
    return summary;
  }

  async computeAnalytics(): Promise<void> {
    const g = this.state.graph;
    const result = computeGraphAnalytics(
      g.nodes(),
      (function* () {
        for (const e of g.edgeEntries()) yield [e.source, e.target] as const;
      })(),
    );
    for (const [id, a] of result) {
      const attrs = g.getNodeAttributes(id);
      if (attrs.degree !== a.degree || attrs.pagerank !== a.pagerank || attrs.community !== a.community) {
        Object.assign(attrs, a);
        this.dirty = true;
        this.state.version++;
      }
    }
  }

  async getEntities(ids: readonly string[]): Promise<(StoredEntity | null)[]> {
    return ids.map((id) => reads.entityOf(this.state, id));
  }

  async findByName(name: string, label?: NodeLabel): Promise<StoredEntity[]> {
    return reads.findByName(this.state, name, label);
  }

  async search(text: string, labels: NodeLabel[] | undefined, page: Page): Promise<PageResult<StoredEntity>> {
    return paged(reads.search(this.state, text, labels), page);
  }

  async neighbours(ids: readonly string[], query: RelationQuery): Promise<Neighbour[][]> {
    return ids.map((id) => {
      // Hubs (an industry with thousands of relations) are asked for again and again;
      // their lists are kept until the graph changes. Callers get their own array.
      if (this.state.graph.hasNode(id) && this.state.graph.degree(id) < HUB_DEGREE)
        return reads.neighbours(this.state, id, query);
      const key = `${id}\u0000${query.direction ?? "BOTH"}\u0000${query.types?.join(",") ?? ""}`;
      if (this.hubCache.version !== this.state.version)
        this.hubCache = { version: this.state.version, lists: new Map() };
      const lists = this.hubCache.lists;
      let list = lists.get(key);
      if (list) lists.delete(key);
      else list = reads.neighbours(this.state, id, query);
      lists.set(key, list); // most recently used last
      if (lists.size > HUB_CACHE_SIZE) lists.delete(lists.keys().next().value!);
      return [...list];
    });
  }

  async neighbourPages(
    ids: readonly string[],
    query: RelationQuery,
    page: Page,
  ): Promise<PageResult<Neighbour>[]> {
    return ids.map((id) => reads.neighbourPage(this.state, id, query, page));
  }

  async getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]> {
    return ids.map((id) => {
      const doc = this.state.documents.get(id);
      return doc ? { ...doc } : null;
    });
  }

  async mentionsOf(
    entityId: string,
    page: Page,
  ): Promise<PageResult<{ documentId: string; start: number; end: number; text: string }>> {
    if (!this.state.graph.hasNode(entityId)) return { items: [], totalCount: 0 };
    return paged(reads.mentionsOfNode(this.state, entityId), page);
  }

  async announcements(query: AnnouncementQuery, page: Page): Promise<PageResult<Announcement>> {
    return reads.announcements(this.state, query, page);
  }

  async zoneIndustries(query: ZoneIndustryQuery, page: Page): Promise<PageResult<ZoneIndustryLink>> {
    return reads.zoneIndustries(this.state, query, page);
  }

  async shortestPath(fromId: string, toId: string, maxHops: number): Promise<PathResult | null> {
    return reads.shortestPath(this.state, fromId, toId, maxHops);
  }

  async stats(): Promise<GraphStats> {
    const relations: Record<string, number> = {};
    for (const [type, n] of this.state.edgeCounts) if (n > 0) relations[type] = n;
    const nodes: Record<string, number> = {};
    for (const [label, n] of this.state.labelCounts) if (n > 0) nodes[label] = n;
    return { nodes, relations, documents: this.state.documents.size, evidence: this.state.evidenceCount };
  }

  async exportAll(): Promise<Extraction> {
    const s = this.state;
    const documents = [...s.documents.values()].map((d) => ({ ...d })).sort((a, b) => cmp(a.id, b.id));
    const entities = s.graph
      .nodes()
      .sort(cmp)
      .map((id) => {
        const {
          documentCount: _d,
          degree: _g,
          pagerank: _p,
          community: _c,
          ...entity
        } = reads.entityOf(s, id)!;
        return { ...entity, mentions: reads.mentionsOfNode(s, id) };
      });
    const relations = s.graph
      .edges()
      .sort(cmp)
      .map((key) => {
        const { key: _k, ...relation } = reads.relationOf(s, key);
        return relation;
      });
    return { documents, entities, relations };
  }
}
