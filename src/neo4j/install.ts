// Installing the server = resolving neo4j/pom.xml with Maven into .neo4j/lib (jars)
// and .neo4j/browser (the unpacked Browser). A marker holding the POM's SHA-256 makes
// a repeated install a no-op, and a changed POM (new pinned version) a clean reinstall.
// .ci/install-system.sh writes the same marker, so keep the two in step.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../paths.js";
import { UserError } from "../cli/errors.js";
import { browserRoot, installMarker, libDir } from "./options.js";

export const pomFile = path.join(projectRoot, "neo4j", "pom.xml");

function pomText(): string {
  if (!existsSync(pomFile))
    throw new UserError(`${pomFile} is missing; the Neo4j mode needs the project's neo4j/ folder`);
  return readFileSync(pomFile, "utf8");
}

/** The one place the Neo4j version is pinned is the POM's <neo4j.version> property. */
export function pinnedNeo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pomText());
  if (!match?.[1]) throw new UserError(`${pomFile} has no <neo4j.version> property`);
  return match[1].trim();
}

function pomDigest(): string {
  return createHash("sha256").update(pomText()).digest("hex");
}

export function isInstalled(): boolean {
  if (!existsSync(installMarker)) return false;
  return readFileSync(installMarker, "utf8").trim() === pomDigest();
}

export interface InstallOptions {
  /** Maven local repository (-Dmaven.repo.local); default is Maven's own (~/.m2/repository). */
  mavenRepo?: string;
  /** Reinstall even when the marker says the install is current. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface InstallResult {
  version: string;
  alreadyInstalled: boolean;
  seconds: number;
}

function runMaven(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("mvn", args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") {
        reject(new UserError("Maven (mvn) is not on PATH; the Neo4j mode needs Java 17 and Maven 3.6+"));
      } else reject(err);
    });
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Last meaningful Maven error line, for a one-line message. */
function mavenError(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim()) // eslint-disable-line no-control-regex
    .filter((l) => l.startsWith("[ERROR]") && l.length > "[ERROR] ".length);
  return (lines[0] ?? output.trim().split("\n").pop() ?? "unknown error").replace(/^\[ERROR\]\s*/, "");
}

export async function installNeo4j(options: InstallOptions = {}): Promise<InstallResult> {
  const started = performance.now();
  const version = pinnedNeo4jVersion();
  if (!options.force && isInstalled()) {
    return { version, alreadyInstalled: true, seconds: (performance.now() - started) / 1000 };
  }
  options.log?.(`Resolving Neo4j ${version} Community and Neo4j Browser from Maven Central into .neo4j/ …`);
  // Stale jars of another version would share the classpath wildcard.
  await rm(libDir, { recursive: true, force: true });
  await rm(browserRoot, { recursive: true, force: true });
  await mkdir(libDir, { recursive: true });
  const args = ["-B", "-q", "-Dstyle.color=never", "-f", pomFile, "package"];
  if (options.mavenRepo) args.unshift(`-Dmaven.repo.local=${path.resolve(options.mavenRepo)}`);
  const { code, output } = await runMaven(args);
  if (code !== 0) throw new UserError(`mvn -f neo4j/pom.xml package failed: ${mavenError(output)}`);
  await writeFile(installMarker, pomDigest() + "\n");
  return { version, alreadyInstalled: false, seconds: (performance.now() - started) / 1000 };
}
