// `policygraph neo4j install|start|stop|status`: the managed Neo4j 5.26 Community
// server assembled from Maven Central (see neo4j/pom.xml and src/neo4j/).
import type { Command } from "commander";
import { action } from "../errors.js";
import { installNeo4j, neo4jStatus, startNeo4j, stopNeo4j } from "../../neo4j/index.js";

const say = (line: string) => console.log(line);

export function register(program: Command): void {
  const neo4j = program
    .command("neo4j")
    .description("manage the local Neo4j 5.26 Community server (Java 17 + Maven; files under .neo4j/)");

  neo4j
    .command("install")
    .description("resolve Neo4j and Neo4j Browser from Maven Central into .neo4j/ (no-op when current)")
    .option("--force", "reinstall even if the installed version is current")
    .option("--maven-repo <dir>", "Maven local repository to use (default: Maven's, ~/.m2/repository)")
    .action(
      action(async (opts: { force?: boolean; mavenRepo?: string }) => {
        const result = await installNeo4j({ ...opts, log: say });
        say(
          result.alreadyInstalled
            ? `Neo4j ${result.version} is already installed in .neo4j/lib.`
            : `Installed Neo4j ${result.version} in ${result.seconds.toFixed(1)} s.`,
        );
      }),
    );

  neo4j
    .command("start")
    .description("start the server in the background (installs first if needed) and wait until Bolt answers")
    .option("--bolt-port <port>", "Bolt port on 127.0.0.1 (env NEO4J_BOLT_PORT; default 7687)")
    .option("--http-port <port>", "HTTP/Browser port on 127.0.0.1 (env NEO4J_HTTP_PORT; default 7474)")
    .option(
      "--password <password>",
      "password of user neo4j (env NEO4J_PASSWORD; default: generated once and stored)",
    )
    .option("--heap <size>", "JVM heap, e.g. 1g (env NEO4J_HEAP; default 1g)")
    .option("--pagecache <size>", "page cache, e.g. 512m (env NEO4J_PAGECACHE; default 512m)")
    .option("--maven-repo <dir>", "Maven local repository for the install, if one is needed")
    .action(
      action(
        async (opts: {
          boltPort?: string;
          httpPort?: string;
          password?: string;
          heap?: string;
          pagecache?: string;
          mavenRepo?: string;
        }) => {
          const result = await startNeo4j({ ...opts, log: say });
          if (result.alreadyRunning) {
            say(`Neo4j is already running (pid ${result.pid}): ${result.uri}  Browser: ${result.browserUrl}`);
            say("(stop it first to change ports or memory)");
            return;
          }
          say(`Neo4j ${result.version} is up in ${result.startSeconds.toFixed(1)} s (pid ${result.pid}).`);
          say(`  Bolt:     ${result.uri}`);
          say(`  Browser:  ${result.browserUrl}`);
          say(`  User:     ${result.user}`);
          say(
            `  Password: ${result.password}${result.generatedPassword ? "  (generated; stored in .neo4j/server/password)" : ""}`,
          );
        },
      ),
    );

  neo4j
    .command("stop")
    .description("stop the server that `neo4j start` launched (only that process)")
    .action(
      action(async () => {
        const result = await stopNeo4j();
        say(
          result.wasRunning
            ? `Neo4j stopped (pid ${result.pid}${result.how === "killed" ? ", killed after the grace period" : ""}).`
            : "Neo4j is not running.",
        );
      }),
    );

  neo4j
    .command("status")
    .description("say whether the server is running, with its URI and pid")
    .action(
      action(async () => {
        const status = await neo4jStatus();
        if (!status.running) {
          say(`stopped (Neo4j ${status.version}, ${status.installed ? "installed" : "not installed yet"})`);
          return;
        }
        const answering = status.boltAnswering ? "" : " (starting: Bolt not answering yet)";
        say(
          `running${answering}: ${status.uri}  Browser: ${status.browserUrl}  pid ${status.pid}  Neo4j ${status.version}`,
        );
        if (status.passwordFile) say(`  user neo4j, password in ${status.passwordFile}`);
      }),
    );
}
