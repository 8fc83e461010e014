// Serves the built explorer page (dist/web) from `policygraph serve`: no CDN,
// correct content types, ETags, and long-lived caching for the hashed assets
// while index.html is revalidated on every load. The files are read once, at
// creation, so a request never touches the disk.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { projectRoot } from "../paths.js";

export const defaultWebDir = path.join(projectRoot, "dist", "web");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

export interface StaticHandlerOptions {
  /** Folder with index.html and assets/ (default: dist/web of this checkout). */
  root?: string;
}

/** Returns true when it answered the request; false leaves it to the next handler (GraphQL, health, 404). */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createStaticHandler(options: StaticHandlerOptions = {}): StaticHandler {
  const root = options.root ?? defaultWebDir;
  const files = existsSync(path.join(root, "index.html")) ? loadFiles(root) : null;

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = safePathname(req.url ?? "/");
    if (pathname === null) return false;
    const key = pathname === "/" || pathname === "/index.html" ? "/index.html" : pathname;
    if (!files) {
      if (key !== "/index.html") return false;
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(`The explorer page is not built (no ${path.join(root, "index.html")}). Run: npm run build\n`);
      return true;
    }
    const file = files.get(key);
    if (!file) return false;
    const headers = {
      "content-type": file.type,
      "cache-control": file.cacheControl,
      etag: file.etag,
      "x-content-type-options": "nosniff",
    };
    if (req.headers["if-none-match"] === file.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, "content-length": file.body.length });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  };
}

/** The URL's path, decoded, or null when it tries to leave the folder or is malformed. */
function safePathname(url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0") || pathname.split("/").includes("..")) return null;
  return pathname;
}

function loadFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const urlPath = "/" + path.relative(root, full).split(path.sep).join("/");
      const body = readFileSync(full);
      const hashed = urlPath.startsWith("/assets/");
      files.set(urlPath, {
        body,
        type: CONTENT_TYPES[path.extname(name).toLowerCase()] ?? "application/octet-stream",
        etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
        // Asset names carry a content hash, so a new build gets new URLs.
        cacheControl: hashed ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
  };
  walk(root);
  return files;
}
