// A served embedded graph that follows its file: when another process (`policygraph
// ingest`, `start`) replaces the file, the new graph is loaded beside the old one
// and swapped in, so `serve` answers with what was last saved without a restart.
// Saves are atomic renames, so the file is always a complete graph; a file that
// still fails to load leaves the served graph as it was.
import { watch } from "node:fs";
import type { FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Extraction, NodeLabel } from "../types.js";
import type * as S from "./store.js";
import type { GraphStore } from "./store.js";

export interface ReloadOptions {
  /** Opens the file as a new store (the served one stays in use until this resolves). */
  load: () => Promise<GraphStore>;
  /** One line per reload or failed reload. */
  log?: (message: string) => void;
  /** Called after each attempt (tests wait on it): the error when the new file did not load. */
  onReload?: (error?: Error) => void;
  /** Quiet time after the last change event before loading, ms. */
  settleMs?: number;
}

/** What identifies one version of the file: a save renames a new inode into place. */
async function signature(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

export class ReloadingStore implements GraphStore {
  readonly kind = "embedded" as const;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loaded: string | null = null;
  private loading: Promise<void> | null = null;
  private again = false;
  private closed = false;

  private constructor(
    private current: GraphStore,
    readonly file: string,
    private readonly options: ReloadOptions,
  ) {}

  /** Serve `store` (already opened from `file`) and reload it whenever the file is replaced. */
  static async follow(store: GraphStore, file: string, options: ReloadOptions): Promise<ReloadingStore> {
    const reloading = new ReloadingStore(store, path.resolve(file), options);
    reloading.loaded = await signature(reloading.file);
    // The directory, not the file: an atomic save replaces the file's inode, which
    // a watch on the file itself would stop seeing after the first save.
    const dir = path.dirname(reloading.file);
    const base = path.basename(reloading.file);
    try {
      reloading.watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || name.toString() === base) reloading.schedule();
      });
      reloading.watcher.on("error", (err) => reloading.log(`no longer following ${file}: ${err.message}`));
    } catch (err) {
      // A folder that does not exist yet, or no inotify watches left: serve without following.
      reloading.log(`not following ${file} for changes: ${(err as Error).message.split("\n")[0]}`);
    }
    return reloading;
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, this.options.settleMs ?? 200);
  }

  /** Load the file again if it changed since the last load (one load at a time). */
  async reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.reloadOnce().finally(() => {
      this.loading = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.reload();
      }
    });
    return this.loading;
  }

  private async reloadOnce(): Promise<void> {
    const seen = await signature(this.file);
    // Gone (deleted or mid-rename) or unchanged: keep serving what is loaded.
    if (seen === null || seen === this.loaded || this.closed) return;
    const started = performance.now();
    let next: GraphStore;
    try {
      next = await this.options.load();
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      this.loaded = seen;
      this.log(
        `${this.file} changed but did not load (${error.message.split("\n")[0]}); still serving the graph loaded before`,
      );
      this.options.onReload?.(error);
      return;
    }
    if (this.closed) {
      await next.close();
      return;
    }
    const previous = this.current;
    this.current = next;
    this.loaded = seen;
    await previous.close();
    const s = await next.stats();
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    this.log(
      `reloaded ${this.file}: ${sum(s.nodes)} entities, ${sum(s.relations)} relationships, ${s.documents} documents (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    this.options.onReload?.();
  }

  async open(): Promise<void> {
    await this.current.open();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
    await this.loading;
    await this.current.close();
  }

  ingest(extraction: Extraction, options?: S.IngestOptions): Promise<S.IngestSummary> {
    return this.current.ingest(extraction, options);
  }
  computeAnalytics(): Promise<void> {
    return this.current.computeAnalytics();
  }
  getEntities(ids: readonly string[]): Promise<(S.StoredEntity | null)[]> {
    return this.current.getEntities(ids);
  }
  findByName(name: string, label?: NodeLabel): Promise<S.StoredEntity[]> {
    return this.current.findByName(name, label);
  }
  search(text: string, labels: NodeLabel[] | undefined, page: S.Page): Promise<S.PageResult<S.StoredEntity>> {
    return this.current.search(text, labels, page);
  }
  neighbours(ids: readonly string[], query: S.RelationQuery): Promise<S.Neighbour[][]> {
    return this.current.neighbours(ids, query);
  }
  neighbourPages(
    ids: readonly string[],
    query: S.RelationQuery,
    page: S.Page,
  ): Promise<S.PageResult<S.Neighbour>[]> {
    return this.current.neighbourPages(ids, query, page);
  }
  getDocuments(ids: readonly string[]) {
    return this.current.getDocuments(ids);
  }
  mentionsOf(entityId: string, page: S.Page) {
    return this.current.mentionsOf(entityId, page);
  }
  announcements(query: S.AnnouncementQuery, page: S.Page): Promise<S.PageResult<S.Announcement>> {
    return this.current.announcements(query, page);
  }
  zoneIndustries(query: S.ZoneIndustryQuery, page: S.Page): Promise<S.PageResult<S.ZoneIndustryLink>> {
    return this.current.zoneIndustries(query, page);
  }
  shortestPath(fromId: string, toId: string, maxHops: number): Promise<S.PathResult | null> {
    return this.current.shortestPath(fromId, toId, maxHops);
  }
  stats(): Promise<S.GraphStats> {
    return this.current.stats();
  }
  exportAll(): Promise<Extraction> {
    return this.current.exportAll();
  }
}
