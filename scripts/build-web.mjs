// Bundles the explorer page (src/web) into dist/web with esbuild: one hashed
// JS bundle (sigma, graphology and the FA2 worker inlined, nothing from a CDN),
// one hashed stylesheet, and index.html pointing at both. Hashed names let the
// static handler cache them forever while index.html is always revalidated.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "src", "web");
// --out DIR builds elsewhere (the browser tests bundle the current source into a temp folder).
const outFlag = process.argv.indexOf("--out");
const out = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, "dist", "web");
const dev = process.argv.includes("--dev");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await build({
  entryPoints: { explorer: path.join(source, "main.ts"), styles: path.join(source, "styles.css") },
  outdir: path.join(out, "assets"),
  entryNames: "[name]-[hash]",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome110", "firefox115", "safari16"],
  minify: !dev,
  sourcemap: "linked",
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

const outputs = Object.entries(result.metafile.outputs);
const find = (entry, ext) => {
  const hit = outputs.find(([file, meta]) => file.endsWith(ext) && meta.entryPoint?.endsWith(entry));
  if (!hit) throw new Error(`build-web: esbuild produced no ${ext} for ${entry}`);
  return "/" + path.relative(out, path.resolve(root, hit[0])).split(path.sep).join("/");
};
const html = (await readFile(path.join(source, "index.html"), "utf8"))
  .replace("%JS%", find("main.ts", ".js"))
  .replace("%CSS%", find("styles.css", ".css"));
await writeFile(path.join(out, "index.html"), html);

const bytes = outputs.reduce((sum, [, meta]) => sum + meta.bytes, 0);
console.log(
  `build-web: ${path.relative(root, out) || out} (${(bytes / 1024).toFixed(0)} KiB in ${outputs.length} files)`,
);
