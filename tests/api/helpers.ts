// Shared test helpers: the fixture graph, a store loaded with it, a way to run
// an operation through the real Apollo server, and a store wrapper that counts
// calls (for the DataLoader bound).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Extraction } from "../../src/types.js";
import type { GraphStore } from "../../src/graph/store.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { createContext } from "../../src/api/context.js";
import type { ApiContext } from "../../src/api/context.js";
import { createApolloServer } from "../../src/api/server.js";

export const fixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/api");

export function loadFixture(): Extraction {
  return JSON.parse(readFileSync(path.join(fixtureDir, "graph.json"), "utf8")) as Extraction;
}

/** The embedded store (in memory, no file) with the fixture graph and its analytics. */
export async function openFixtureStore(extraction: Extraction = loadFixture()): Promise<GraphStore> {
  const store = new MemoryGraphStore(null);
  await store.open();
  await store.ingest(extraction);
  await store.computeAnalytics();
  return store;
}

export interface Result<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

let shared: ApolloServer<ApiContext> | undefined;

/** Run one operation through Apollo (schema, armor limits, formatError) with a fresh request context. */
export async function run<T = Record<string, unknown>>(
  store: GraphStore,
  query: string,
  variables: Record<string, unknown> = {},
  server?: ApolloServer<ApiContext>,
): Promise<Result<T>> {
  shared ??= createApolloServer({ log: () => {} });
  const response = await (server ?? shared).executeOperation(
    { query, variables },
    { contextValue: createContext(store) },
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult as Result<T>;
}

/** Like run() but fails the test on any GraphQL error. */
export async function data<T = Record<string, unknown>>(
  store: GraphStore,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await run<T>(store, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export type CallCounts = Record<string, number>;

/** A GraphStore that forwards every call and counts it per method name. */
export function countingStore(inner: GraphStore): { store: GraphStore; calls: CallCounts; total(): number } {
  const calls: CallCounts = {};
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        calls[prop] = (calls[prop] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls, total: () => Object.values(calls).reduce((a, b) => a + b, 0) };
}
