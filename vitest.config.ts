import { defineConfig } from "vitest/config";

// Two projects:
// - "unit": every tests/**/*.test.ts except Neo4j suites; files run in parallel.
// - "neo4j": tests/**/*.neo4j.test.ts — suites that talk to Neo4j. NAMING CONVENTION:
//   a test file that uses Neo4j MUST end in `.neo4j.test.ts` (e.g. tests/graph/store.neo4j.test.ts).
//   Its global setup starts the managed test server (or uses NEO4J_URI) only when such a
//   file is selected, hands the connection over via provide/inject (read it with
//   neo4jTestConfig() from tests/helpers/neo4j.ts), and the files run one at a time
//   because they share Neo4j Community's single database (call cleanDatabase() first).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.neo4j.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "neo4j",
          include: ["tests/**/*.neo4j.test.ts"],
          globalSetup: ["tests/setup/neo4j-global.ts"],
          fileParallelism: false,
          // Starting the JVM on a busy 2-core machine can take a while.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
