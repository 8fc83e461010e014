// How ingest statements reach Neo4j: several statements in one write transaction,
// sent back to back (the driver pipelines them), so that the client encodes the
// next batch while the server executes the current one, and a transaction commits
// thousands of rows at a time rather than one statement's worth.
import type { ManagedTransaction, Transaction } from "neo4j-driver";

export type Row = Record<string, unknown>;

export interface Statement {
  query: string;
  params: Row;
}

/** Runs the statements, in order, in one write transaction; resolves to each one's rows. */
export type RunAll = (statements: Statement[]) => Promise<Row[][]>;

/** One statement in a write transaction of its own. */
export type Run = (query: string, params: Row) => Promise<Row[]>;

/** The statements, pipelined, in an open transaction (the caller commits or rolls it back). */
export function pipelined(tx: ManagedTransaction | Transaction): RunAll {
  return (statements) =>
    Promise.all(
      statements.map(async (s) => (await tx.run(s.query, s.params)).records.map((r) => r.toObject() as Row)),
    );
}

export const single =
  (runAll: RunAll): Run =>
  async (query, params) =>
    (await runAll([{ query, params }]))[0]!;
