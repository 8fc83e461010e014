// What Neo4j Browser does on connect, and the files PolicyGraph serves beside it.
// Files are published under /browser/policygraph/ (inside the server's own web app,
// so no second HTTP server is needed and Browser's CSP allows them as 'self').
//
// The hook: by default the project's cypher/ folder is the source, so others fill it
// by adding files —
//   cypher/style.grass        → applied on connect with `:style <the style as JSON>`
//                               (inline, so it is in place before any result is
//                               drawn and the guide's frame ends up on top; see
//                               grass.ts), and published for `:style <url>` by hand
//   cypher/queries/*.cypher   → a guide generated from them (guide.ts), opened with
//                               `:play <url>` on connect
// Code can add more with registerBrowserContributor() before starting the server.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cypherDir } from "../paths.js";
import type { BrowserConfig } from "./conf.js";
import { grassCommandArgument, grassLegend, parseGrass, renderGrass } from "./grass.js";
import { readQueryFiles, renderGuide } from "./guide.js";
import type { LegendEntry } from "./guide.js";
import { browserRoot } from "./options.js";

export const browserAssetPrefix = "/browser/policygraph";

export interface BrowserAsset {
  /** Path below /browser/policygraph/, with forward slashes. */
  path: string;
  content: string | Buffer;
}

export interface BrowserSetup {
  /** Browser commands without the leading colon (Browser adds it), e.g. "play http://…/guide.html"; joined with "; ". */
  postConnect: string[];
  /** Hosts Browser may fetch guides and styles from, beyond the server's own. */
  allowlist: string[];
  assets: BrowserAsset[];
}

export interface BrowserContext {
  /** e.g. http://127.0.0.1:7474 */
  httpUrl: string;
}

export type BrowserContributor = (ctx: BrowserContext) => Partial<BrowserSetup>;

const contributors: BrowserContributor[] = [];

export function registerBrowserContributor(contributor: BrowserContributor): void {
  contributors.push(contributor);
}

/** The default contributor: style and guide from cypher/. */
export function cypherFolderContributor(dir: string = cypherDir): BrowserContributor {
  return ({ httpUrl }) => {
    const setup: BrowserSetup = { postConnect: [], allowlist: [], assets: [] };
    const style = path.join(dir, "style.grass");
    let legend: LegendEntry[] = [];
    if (existsSync(style)) {
      const grass = parseGrass(readFileSync(style, "utf8"), style);
      legend = grassLegend(grass);
      setup.assets.push({ path: "style.grass", content: renderGrass(grass) });
      setup.postConnect.push(`style ${grassCommandArgument(grass)}`);
    }
    const queriesDir = path.join(dir, "queries");
    const queries = existsSync(queriesDir) ? readQueryFiles(queriesDir) : [];
    if (queries.length > 0) {
      setup.assets.push({ path: "guide.html", content: renderGuide(queries, legend) });
      setup.postConnect.push(`play ${httpUrl}${browserAssetPrefix}/guide.html`);
    }
    return setup;
  };
}

export function collectBrowserSetup(
  ctx: BrowserContext,
  extra: BrowserContributor[] = contributors,
): BrowserSetup {
  const all: BrowserSetup = { postConnect: [], allowlist: [], assets: [] };
  for (const contribute of [cypherFolderContributor(), ...extra]) {
    const part = contribute(ctx);
    all.postConnect.push(...(part.postConnect ?? []));
    all.allowlist.push(...(part.allowlist ?? []));
    all.assets.push(...(part.assets ?? []));
  }
  return all;
}

/** Browser settings for neo4j.conf: our own host must be allowlisted for :play/:style URLs. */
export function browserConfig(ctx: BrowserContext, setup: BrowserSetup): BrowserConfig {
  const ownHost = new URL(ctx.httpUrl).hostname;
  const allow = [...new Set(["guides.neo4j.com", "localhost", ownHost, ...setup.allowlist])];
  return {
    remoteContentHostnameAllowlist: allow,
    ...(setup.postConnect.length ? { postConnectCmd: setup.postConnect.join("; ") } : {}),
  };
}

/** Replace the published assets (shared by all instances; they are the project's files). */
export async function publishBrowserAssets(assets: BrowserAsset[]): Promise<void> {
  const target = path.join(browserRoot, "browser", "policygraph");
  await rm(target, { recursive: true, force: true });
  for (const asset of assets) {
    const file = path.join(target, ...asset.path.split("/"));
    if (!file.startsWith(target + path.sep))
      throw new Error(`browser asset path escapes its folder: ${asset.path}`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, asset.content);
  }
}
