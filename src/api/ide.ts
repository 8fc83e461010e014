// The offline GraphQL IDE: GraphiQL 3's self-contained UMD bundle and React 18's
// UMD builds, served from node_modules so that the page works with no internet
// (Apollo's landing page and GraphiQL's own docs load from a CDN).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));

export const IDE_ASSET_PREFIX = "/graphql/ide/";

/** The only files the IDE serves: a fixed table, so no request path ever reaches the file system. */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  "react.js": {
    file: () => path.join(packageDir("react"), "umd/react.production.min.js"),
    type: "text/javascript",
  },
  "react-dom.js": {
    file: () => path.join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
    type: "text/javascript",
  },
  "graphiql.js": {
    file: () => path.join(packageDir("graphiql"), "graphiql.min.js"),
    type: "text/javascript",
  },
  "graphiql.css": { file: () => path.join(packageDir("graphiql"), "graphiql.min.css"), type: "text/css" },
};

const DEFAULT_QUERY = `# PolicyGraph: who announced what, and which zones focus on which industries.
# Names and aliases both work (工信部 = 工业和信息化部). Ctrl-Enter runs the query.
query WhoAnnouncedWhat {
  announcements(by: "工信部", first: 5) {
    totalCount
    edges {
      node {
        kind
        date
        speaker { name label }
        what { name label }
        evidence { title sentence rule }
      }
    }
  }
  zoneIndustries(industry: "人工智能", first: 5) {
    totalCount
    edges { node { zone { name } industry { name } metric } }
  }
}
`;

// Kept out of the HTML so that the page runs under a CSP without 'unsafe-inline' scripts.
const INIT_SCRIPT = `(function () {
  var root = document.getElementById("graphiql");
  var needsKey = root.getAttribute("data-needs-key") === "1";
  var fetcher = GraphiQL.createFetcher({ url: location.pathname.replace(/\\/+$/, "") || "/graphql" });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultHeaders: needsKey ? '{\\n  "Authorization": "Bearer <your API key>"\\n}' : undefined,
      defaultEditorToolsVisibility: needsKey ? "headers" : false,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

function page(needsKey: boolean): string {
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PolicyGraph · GraphQL</title>
<link rel="stylesheet" href="${IDE_ASSET_PREFIX}graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql" data-needs-key="${needsKey ? "1" : "0"}">Loading the GraphQL IDE…</div>
<script src="${IDE_ASSET_PREFIX}react.js"></script>
<script src="${IDE_ASSET_PREFIX}react-dom.js"></script>
<script src="${IDE_ASSET_PREFIX}graphiql.js"></script>
<script src="${IDE_ASSET_PREFIX}init.js"></script>
</body>
</html>
`;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

/** A browser navigating to /graphql (HTML accepted, no query in the URL) gets the IDE. */
export function wantsIde(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === "GET" &&
    !url.searchParams.has("query") &&
    (req.headers.accept ?? "").split(",").some((t) => t.trim().startsWith("text/html"))
  );
}

export function sendIdePage(res: ServerResponse, needsKey: boolean): void {
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": CSP,
    "cache-control": "no-cache",
  });
  res.end(page(needsKey));
}

const cache = new Map<string, Buffer>();

/** Serve one IDE asset by name; false when the name is not one of them. */
export async function sendIdeAsset(res: ServerResponse, name: string): Promise<boolean> {
  if (name === "init.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
    res.end(INIT_SCRIPT);
    return true;
  }
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return false;
  let body = cache.get(name);
  if (!body) {
    body = await readFile(asset.file());
    cache.set(name, body);
  }
  res.writeHead(200, {
    "content-type": `${asset.type}; charset=utf-8`,
    "content-length": body.length,
    "cache-control": "public, max-age=86400",
  });
  res.end(body);
  return true;
}
