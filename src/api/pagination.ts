// Cursor connections over offset pages. A cursor is an opaque, versioned
// offset: both stores page by offset, and a stale cursor past the end simply
// yields an empty page rather than an error.
import type { Page, PageResult } from "../graph/store.js";
import { badInput } from "./errors.js";

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;
const CURSOR_PREFIX = "pg1:";
const MAX_OFFSET = 1_000_000;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<E> {
  edges: E[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}={0,2}$/.test(cursor)
    ? Buffer.from(cursor, "base64url").toString("utf8")
    : "";
  const match = /^pg1:(\d{1,7})$/.exec(text);
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset > MAX_OFFSET) {
    throw badInput(
      `"after" is not a cursor this API returned: ${JSON.stringify(cursor.slice(0, 60))}`,
      "after",
    );
  }
  return offset;
}

/** Validate `first`/`after`; `first` above MAX_FIRST is capped (pageInfo still tells the truth). */
export function toPage({ first, after }: PageArgs, defaultFirst = DEFAULT_FIRST): Page {
  if (first !== undefined && first !== null && (!Number.isInteger(first) || first < 0)) {
    throw badInput(`"first" must be a non-negative integer, got ${first}`, "first");
  }
  const limit = Math.min(first ?? defaultFirst, MAX_FIRST);
  const offset = after === undefined || after === null ? 0 : decodeCursor(after) + 1;
  return { limit, offset };
}

/** Build a connection from one store page; `wrap` turns an item into an edge's extra fields. */
export function toConnection<T, E extends Edge<unknown>>(
  result: PageResult<T>,
  page: Page,
  wrap: (item: T, cursor: string) => E,
): Connection<E> {
  const edges = result.items.map((item, i) => wrap(item, encodeCursor(page.offset + i)));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + result.items.length < result.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: result.totalCount,
  };
}

/** The plain edge: `{ cursor, node }`. */
export function nodeEdge<T>(item: T, cursor: string): Edge<T> {
  return { cursor, node: item };
}
