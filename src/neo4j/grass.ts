// GraSS (Neo4j Browser's graph style sheets) as data. Browser's `:style` accepts
// the style inline as JSON as well as a URL; inline, it applies synchronously on
// connect, so the guide that `:play` fetches afterwards lands on top of the stream
// instead of racing the style's download for the first place.

import type { LegendEntry } from "./guide.js";

/** Selector (e.g. "node.Agency") → property → value, in the file's order. */
export type GrassStyle = Record<string, Record<string, string>>;

/**
 * Parse a .grass file: `selector { property: value; … }` blocks, values optionally
 * quoted (quotes are dropped, as Browser does). Throws on text it cannot read, so a
 * typo fails at start-up rather than silently in the user's browser.
 */
export function parseGrass(text: string, file = "style.grass"): GrassStyle {
  const style: GrassStyle = {};
  const body = text.replace(/\/\*[\s\S]*?\*\//g, "");
  // Captions hold braces ("{name}"), so blocks end at the first } outside quotes.
  const block = /\s*([^{}\s]+)\s*\{((?:"[^"]*"|'[^']*'|[^"'{}])*)\}\s*/y;
  while (block.lastIndex < body.length) {
    const at = block.lastIndex;
    const m = block.exec(body);
    if (!m) {
      if (!body.slice(at).trim()) break;
      throw new Error(`${file}: cannot read "${body.slice(at).trim().slice(0, 40)}"`);
    }
    const selector = m[1]!;
    if (!/^(node|relationship)(\.[^.]+)?$/.test(selector))
      throw new Error(
        `${file}: "${selector}" is not node, node.<Label>, relationship or relationship.<TYPE>`,
      );
    const props: Record<string, string> = (style[selector] ??= {});
    for (const declaration of m[2]!.match(/(?:"[^"]*"|'[^']*'|[^;"'])+/g) ?? []) {
      if (!declaration.trim()) continue;
      const colon = declaration.indexOf(":");
      if (colon < 0) throw new Error(`${file}: "${declaration.trim()}" in ${selector} has no value`);
      const value = declaration.slice(colon + 1).trim();
      if (value.includes(";")) throw new Error(`${file}: a value in ${selector} contains ";"`);
      props[declaration.slice(0, colon).trim()] = value.replace(/^(["'])(.*)\1$/, "$2");
    }
  }
  return style;
}

/**
 * The style as one line of JSON for `:style <json>` in browser.post_connect_cmd.
 * Browser splits that setting on semicolons outside quotes and neo4j.conf reads
 * one line per setting, so neither may appear unquoted.
 */
export function grassCommandArgument(style: GrassStyle): string {
  const json = JSON.stringify(style);
  if (/[\r\n]/.test(json)) throw new Error("style values cannot contain newlines");
  return json;
}

/** The style as a plain .grass file (no comments: Browser's own reader does not skip them). */
export function renderGrass(style: GrassStyle): string {
  return Object.entries(style)
    .map(([selector, props]) => {
      const lines = Object.entries(props).map(([name, value]) =>
        name === "caption" ? `  ${name}: "${value}";` : `  ${name}: ${value};`,
      );
      return `${selector} {\n${lines.join("\n")}\n}\n`;
    })
    .join("");
}

/** Labels with a colour of their own, except :Entity (which every entity carries). */
export function grassLegend(style: GrassStyle): LegendEntry[] {
  return Object.entries(style).flatMap(([selector, props]) => {
    const label = /^node\.(.+)$/.exec(selector)?.[1];
    if (!label || label === "Entity" || !props.color) return [];
    return [{ label, color: props.color, textColor: props["text-color-internal"] ?? "#FFFFFF" }];
  });
}
