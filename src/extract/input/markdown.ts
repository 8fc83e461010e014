// Markdown pages → plain text. Headings stay "# title" lines (the normaliser
// reads them as headlines; setext headings are turned into that form); emphasis,
// code, links, images, block quotes, list markers, tables and fences lose their
// markup and keep their text. Line by line and regex-only, so it is linear and
// never fails on malformed markup: what is not markup stays as written.

const FENCE = /^\s{0,3}(```|~~~)/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s+\S+/;

function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(?:https?|mailto):[^>\s]+>/g, "")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/`+([^`]+)`+/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^*_]+?)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?![\w])/g, "$1$2")
    .replace(/~~(?=\S)([^~]+?)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
}

export function markdownToText(markdown: string): string {
  const lines = markdown.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let fenced = false;
  for (const raw of lines) {
    if (FENCE.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    const previous = out.length > 0 ? out[out.length - 1]! : "";
    if (SETEXT.test(raw) && previous.trim() !== "" && !previous.startsWith("# ")) {
      out[out.length - 1] = `# ${previous.trim()}`;
      continue;
    }
    if (TABLE_RULE.test(raw) || REFERENCE.test(raw)) continue;
    let line = raw;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/.exec(line);
    if (heading) {
      out.push(`# ${inline(heading[2]!)}`);
      continue;
    }
    line = line.replace(/^\s{0,3}(?:>\s?)+/, "");
    line = line.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, "");
    if (/^\s*\|.*\|\s*$/.test(line))
      line = line
        .trim()
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim())
        .join(" ");
    out.push(inline(line));
  }
  return out.join("\n");
}
