// Emptying a database (benchmarks and tests): relationships first, then nodes, each
// in batches of their own. DETACH DELETE in node batches can sweep up hundreds of
// thousands of relationships in one transaction when hubs (an industry in every
// document) land in the same batch, and a million-relationship graph then exceeds
// Neo4j's transaction memory pool.
import type { Driver } from "neo4j-driver";

/** Delete every relationship and node (constraints and indexes stay). Destroys the database's data. */
export async function wipeNeo4j(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ ...(database ? { database } : {}) });
  try {
    // Auto-commit queries: CALL … IN TRANSACTIONS cannot run inside an explicit transaction.
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS");
    await session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}
