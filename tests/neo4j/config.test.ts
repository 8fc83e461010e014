// The managed server's configuration, without starting it: option resolution,
// the neo4j.conf it writes, and the Browser hook fed from a cypher/ folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/cli/errors.js";
import { browserConfig, collectBrowserSetup, cypherFolderContributor } from "../../src/neo4j/browser.js";
import { javaArgs, renderNeo4jConf } from "../../src/neo4j/conf.js";
import { parseQueryFile } from "../../src/neo4j/guide.js";
import { pinnedNeo4jVersion } from "../../src/neo4j/install.js";
import { instancePaths, resolveOptions } from "../../src/neo4j/options.js";

describe("resolveOptions", () => {
  it("uses flags over environment over defaults", () => {
    expect(resolveOptions("server", {}, {})).toMatchObject({ boltPort: 7687, httpPort: 7474, heap: "1g" });
    const env = { NEO4J_BOLT_PORT: "7700", NEO4J_HTTP_PORT: "7701", NEO4J_PASSWORD: "from-env-123" };
    expect(resolveOptions("server", {}, env)).toMatchObject({
      boltPort: 7700,
      httpPort: 7701,
      password: "from-env-123",
    });
    expect(resolveOptions("server", { boltPort: "7800", password: "from-flag-123" }, env)).toMatchObject({
      boltPort: 7800,
      httpPort: 7701,
      password: "from-flag-123",
    });
  });

  it("keeps test instances off the user's ports and password", () => {
    const env = { NEO4J_BOLT_PORT: "7700", NEO4J_PASSWORD: "users-password", NEO4J_TEST_BOLT_PORT: "27687" };
    const opts = resolveOptions("test", {}, env);
    expect(opts).toMatchObject({ boltPort: 27687, httpPort: 17474 });
    expect(opts.password).toBeUndefined();
  });

  it.each([
    [{ boltPort: "0" }, /Bolt port/],
    [{ httpPort: "http" }, /HTTP port/],
    [{ boltPort: "7474" }, /must differ/],
    [{ password: "short" }, /at least 8/],
    [{ heap: "lots" }, /heap size/],
  ])("rejects %o with a user error", (input, message) => {
    expect(() => resolveOptions("server", input, {})).toThrow(UserError);
    expect(() => resolveOptions("server", input, {})).toThrow(message);
  });
});

describe("neo4j.conf and the JVM command line", () => {
  const opts = resolveOptions(
    "server",
    { boltPort: 7900, httpPort: 7901, heap: "2g", pagecache: "256m" },
    {},
  );
  const paths = instancePaths("server");

  it("listens on loopback only, with the instance's own folders and memory", () => {
    const conf = renderNeo4jConf(opts, paths, { remoteContentHostnameAllowlist: ["127.0.0.1"] });
    expect(conf).toContain("server.bolt.listen_address=127.0.0.1:7900\n");
    expect(conf).toContain("server.http.listen_address=127.0.0.1:7901\n");
    expect(conf).toContain("server.https.enabled=false\n");
    expect(conf).toContain(`server.directories.data=${paths.data}\n`);
    expect(conf).toContain("server.memory.pagecache.size=256m\n");
    expect(conf).not.toContain("browser.post_connect_cmd");
    const args = javaArgs(opts, paths);
    expect(args).toEqual(
      expect.arrayContaining(["-Xms2g", "-Xmx2g", "org.neo4j.server.CommunityEntryPoint"]),
    );
    expect(args).toContain(`--home-dir=${paths.home}`);
  });

  it("refuses a Browser command that would break out of its conf line", () => {
    expect(() =>
      renderNeo4jConf(opts, paths, {
        remoteContentHostnameAllowlist: [],
        postConnectCmd: ":play x\nserver.x=1",
      }),
    ).toThrow(/newlines/);
  });

  it("pins a 5.26 LTS version in neo4j/pom.xml", () => {
    expect(pinnedNeo4jVersion()).toMatch(/^5\.26\.\d+$/);
  });
});

describe("the Browser hook", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const ctx = { httpUrl: "http://127.0.0.1:7474" };

  it("adds nothing for an empty cypher folder but still allowlists the server's own host", () => {
    dir = mkdtempSync(path.join(tmpdir(), "pg-browser-"));
    const setup = cypherFolderContributor(dir)(ctx);
    expect(setup).toEqual({ postConnect: [], allowlist: [], assets: [] });
    const config = browserConfig(ctx, { postConnect: [], allowlist: [], assets: [] });
    expect(config.remoteContentHostnameAllowlist).toContain("127.0.0.1");
    expect(config.postConnectCmd).toBeUndefined();
  });

  it("publishes style.grass and a guide built from queries/*.cypher, and runs style then play on connect", () => {
    dir = mkdtempSync(path.join(tmpdir(), "pg-browser-"));
    writeFileSync(path.join(dir, "style.grass"), "node { color: #68BDF6; }");
    mkdirSync(path.join(dir, "queries"));
    writeFileSync(
      path.join(dir, "queries", "01-who.cypher"),
      "// Who issued what\n// Issuers & their <documents>.\nMATCH (a)-[:ISSUED]->(p) WHERE p.n < 3 RETURN a, p\n",
    );
    const setup = cypherFolderContributor(dir)(ctx);
    expect(setup.assets!.map((a) => a.path).sort()).toEqual(["guide.html", "style.grass"]);
    expect(setup.postConnect).toEqual([
      'style {"node":{"color":"#68BDF6"}}',
      "play http://127.0.0.1:7474/browser/policygraph/guide.html",
    ]);
    const guide = String(setup.assets!.find((a) => a.path === "guide.html")!.content);
    expect(guide).toContain('<article class="guide">');
    expect(guide).toContain("<h3>Who issued what</h3>");
    expect(guide).toContain("Issuers &#38; their &#60;documents&#62;.");
    expect(guide).toContain("WHERE p.n &#60; 3 RETURN a, p</pre>");
    const extra = () => ({ postConnect: ["sysinfo"], allowlist: ["example.org"] });
    const all = collectBrowserSetup(ctx, [extra]);
    expect(browserConfig(ctx, all).remoteContentHostnameAllowlist).toContain("example.org");
    expect(all.postConnect.at(-1)).toBe("sysinfo");
  });

  it("rejects a query file without a title comment", () => {
    expect(() => parseQueryFile("x.cypher", "MATCH (n) RETURN n")).toThrow(/x\.cypher/);
  });
});
