// neo4j.conf and the JVM command line for a managed instance. We launch
// org.neo4j.server.CommunityEntryPoint directly (no bin/neo4j script ships on
// Maven Central), so the JVM flags that script would derive from neo4j.conf are
// spelled out here.
import path from "node:path";
import type { InstancePaths, Neo4jOptions } from "./options.js";
import { browserRoot, libDir } from "./options.js";

export interface BrowserConfig {
  /** Commands Neo4j Browser runs right after connecting, separated by "; " (e.g. "style {…json…}; play <url>"). Browser reads it once per connect from the server's settings, so a change needs a server restart. */
  postConnectCmd?: string;
  /** Hosts from which Browser may fetch guides and styles (`:play <url>`, `:style <url>`); Neo4j 5.26 still calls the setting browser.remote_content_hostname_whitelist. */
  remoteContentHostnameAllowlist: string[];
}

export const mainClass = "org.neo4j.server.CommunityEntryPoint";

/** Quote a value for neo4j.conf: it reads `key=value` lines verbatim, so only newlines are dangerous. */
function confValue(value: string): string {
  if (/[\r\n]/.test(value))
    throw new Error(`neo4j.conf values cannot contain newlines: ${JSON.stringify(value)}`);
  return value;
}

export function renderNeo4jConf(opts: Neo4jOptions, paths: InstancePaths, browser: BrowserConfig): string {
  const bolt = `${opts.host}:${opts.boltPort}`;
  const http = `${opts.host}:${opts.httpPort}`;
  const lines = [
    "# Written by `policygraph neo4j start` on every start; edits here are overwritten.",
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.import=${path.join(paths.home, "import")}`,
    `server.directories.plugins=${path.join(paths.home, "plugins")}`,
    `server.directories.licenses=${path.join(paths.home, "licenses")}`,
    `server.default_listen_address=${opts.host}`,
    `server.bolt.enabled=true`,
    `server.bolt.listen_address=${bolt}`,
    `server.bolt.advertised_address=${bolt}`,
    `server.http.enabled=true`,
    `server.http.listen_address=${http}`,
    `server.http.advertised_address=${http}`,
    `server.https.enabled=false`,
    `server.memory.heap.initial_size=${opts.heap}`,
    `server.memory.heap.max_size=${opts.heap}`,
    `server.memory.pagecache.size=${opts.pagecache}`,
    `dbms.security.auth_enabled=true`,
    `dbms.usage_report.enabled=false`,
    // A local analysis database: keep transaction logs from growing without bound.
    `db.tx_log.rotation.retention_policy=2 files`,
    `browser.remote_content_hostname_whitelist=${confValue(browser.remoteContentHostnameAllowlist.join(","))}`,
  ];
  if (browser.postConnectCmd) lines.push(`browser.post_connect_cmd=${confValue(browser.postConnectCmd)}`);
  return lines.join("\n") + "\n";
}

/** JVM flags from Neo4j 5.26's default neo4j.conf (server.jvm.additional), plus heap. */
export function javaArgs(opts: Neo4jOptions, paths: InstancePaths): string[] {
  return [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-cp",
    // The unpacked Browser comes first: the server serves /browser/ from the first
    // "browser/" resource on the classpath, and ours also carries PolicyGraph's guide.
    [browserRoot, path.join(libDir, "*")].join(path.delimiter),
    mainClass,
    `--home-dir=${paths.home}`,
    `--config-dir=${paths.conf}`,
  ];
}
