// Per-request state: the store, this request's DataLoaders (so one query makes
// a bounded number of store calls, and nothing is cached across requests), and
// the signal that the request timed out or the client went away.
import DataLoader from "dataloader";
import type { DocumentRecord, NodeLabel } from "../types.js";
import type {
  Direction,
  GraphStore,
  Neighbour,
  Page,
  PageResult,
  RelationQuery,
  StoredEntity,
} from "../graph/store.js";
import { timeoutError } from "./errors.js";

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  /** Throws TIMEOUT once the request was abandoned: resolvers stop asking the store. */
  checkAlive(): void;
}

export interface Loaders {
  entities: DataLoader<string, StoredEntity | null>;
  documents: DataLoader<string, DocumentRecord | null>;
  /** Exact name/alias lookups, keyed by `label\u0000name`. */
  byName: DataLoader<string, StoredEntity[]>;
  /** One page of neighbours per entity id; one loader (one store call per tick) per query and page. */
  neighbourPages(query: RelationQuery, page: Page): DataLoader<string, PageResult<Neighbour>>;
  /** Seed the entity cache with entities another store call already returned. */
  prime(entities: Iterable<StoredEntity>): void;
}

function neighbourKey(query: RelationQuery, page: Page): string {
  const types = query.types ? [...new Set(query.types)].sort().join(",") : "*";
  return `${query.direction ?? "BOTH"}|${types}|${page.offset}|${page.limit}`;
}

export function nameKey(name: string, label?: NodeLabel): string {
  return `${label ?? ""}\u0000${name}`;
}

export function createLoaders(store: GraphStore, checkAlive: () => void): Loaders {
  const entities = new DataLoader<string, StoredEntity | null>(async (ids) => {
    checkAlive();
    return store.getEntities(ids);
  });
  const documents = new DataLoader<string, DocumentRecord | null>(async (ids) => {
    checkAlive();
    return store.getDocuments(ids);
  });
  // The interface looks names up one at a time; the loader still dedupes them.
  const byName = new DataLoader<string, StoredEntity[]>(async (keys) => {
    checkAlive();
    return Promise.all(
      keys.map((key) => {
        const [label, name] = key.split("\u0000") as [string, string];
        return store.findByName(name, (label || undefined) as NodeLabel | undefined);
      }),
    );
  });
  const prime = (list: Iterable<StoredEntity>): void => {
    for (const entity of list) entities.prime(entity.id, entity);
  };
  const neighbourLoaders = new Map<string, DataLoader<string, PageResult<Neighbour>>>();
  const neighbourPages = (query: RelationQuery, page: Page): DataLoader<string, PageResult<Neighbour>> => {
    const key = neighbourKey(query, page);
    let loader = neighbourLoaders.get(key);
    if (!loader) {
      const normalised: RelationQuery = {
        direction: (query.direction ?? "BOTH") as Direction,
        ...(query.types ? { types: query.types } : {}),
      };
      loader = new DataLoader<string, PageResult<Neighbour>>(async (ids) => {
        checkAlive();
        const pages = await store.neighbourPages(ids, normalised, page);
        for (const p of pages) prime(p.items.map((n) => n.other));
        return pages;
      });
      neighbourLoaders.set(key, loader);
    }
    return loader;
  };
  return { entities, documents, byName, neighbourPages, prime };
}

export interface ContextOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function createContext(store: GraphStore, options: ContextOptions = {}): ApiContext {
  const checkAlive = (): void => {
    if (options.signal?.aborted) throw timeoutError(options.timeoutMs ?? 0);
  };
  return { store, loaders: createLoaders(store, checkAlive), checkAlive };
}
