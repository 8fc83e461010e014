// Global setup of the "neo4j" vitest project (files *.neo4j.test.ts). Vitest runs it
// only when at least one such file is selected, so other runs never start a JVM.
//
// - NEO4J_URI set (with NEO4J_USER, NEO4J_PASSWORD): use that server as is.
// - Otherwise: start the managed *test* instance (.neo4j/test, Bolt 17687 / HTTP 17474,
//   ports movable with NEO4J_TEST_BOLT_PORT / NEO4J_TEST_HTTP_PORT), separate from the
//   user's `policygraph neo4j start` server so that cleanDatabase() never wipes their
//   data; stop it at teardown only if this run started it (NEO4J_TEST_KEEP=1 keeps it
//   running for quick reruns).
// A lock serialises whole test runs that share a checkout: Neo4j Community has one
// user database, and two runs cleaning it under each other would flake.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { neo4jHome } from "../../src/paths.js";
import { acquireLock } from "../../src/neo4j/lock.js";
import { startNeo4j, stopNeo4j } from "../../src/neo4j/index.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const say = (line: string) => console.log(`[neo4j] ${line}`);
  const lock = await acquireLock(path.join(neo4jHome, "test-run.lock"), 20 * 60_000, () =>
    say("another test run is using the Neo4j test database; waiting for it to finish …"),
  );
  try {
    const external = process.env.NEO4J_URI;
    if (external) {
      project.provide("neo4j", {
        uri: external,
        user: process.env.NEO4J_USER ?? "neo4j",
        password: process.env.NEO4J_PASSWORD ?? "",
      });
      say(`using ${external} from NEO4J_URI`);
      return async () => lock.release();
    }
    let started = await startNeo4j({ instance: "test", log: say });
    if (started.confStale) {
      // A test instance left running (NEO4J_TEST_KEEP, or an earlier run) with an old conf
      // would make the Browser tests check yesterday's style: restart it.
      say("restarting the test server to apply the current configuration");
      await stopNeo4j({ instance: "test" });
      started = await startNeo4j({ instance: "test", log: say });
    }
    if (!started.alreadyRunning)
      say(`test server up in ${started.startSeconds.toFixed(1)} s at ${started.uri}`);
    project.provide("neo4j", { uri: started.uri, user: started.user, password: started.password });
    return async () => {
      try {
        if (!started.alreadyRunning && process.env.NEO4J_TEST_KEEP !== "1")
          await stopNeo4j({ instance: "test" });
      } finally {
        lock.release();
      }
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
