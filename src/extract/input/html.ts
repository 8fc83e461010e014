// HTML pages → plain text, with htmlparser2's forgiving, streaming tokenizer
// (broken markup from crawlers is the norm). Scripts, styles and other non-text
// elements are dropped; entities are decoded; block elements become line breaks
// and paragraphs blank lines; headings become "# title" lines, which the
// normaliser already treats as headlines; table cells are separated by a space.
import { Parser } from "htmlparser2";

const SKIP = new Set(["script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object"]);
const HEADING = /^h[1-6]$/;
const PARAGRAPH = new Set([
  "p",
  "blockquote",
  "pre",
  "table",
  "ul",
  "ol",
  "dl",
  "figure",
  "section",
  "article",
]);
const BLOCK = new Set([
  "div",
  "br",
  "li",
  "tr",
  "dt",
  "dd",
  "hr",
  "header",
  "footer",
  "nav",
  "aside",
  "main",
  "figcaption",
  "caption",
  "address",
  "center",
  "form",
  "fieldset",
  "title",
]);
const CELL = new Set(["td", "th"]);
const CJK_WRAP = /([\u2e80-\uffef])[ \t]*[\r\n]+[ \t]*(?=[\u2e80-\uffef])/g;

/** True when a page's text is an HTML document rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)/.test(
    head,
  );
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  let inPre = 0;
  const breakLine = (blank: boolean) => out.push(blank ? "\n\n" : "\n");
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (HEADING.test(name)) {
          breakLine(true);
          out.push("# ");
        } else if (PARAGRAPH.has(name)) breakLine(true);
        else if (BLOCK.has(name)) breakLine(false);
        else if (CELL.has(name)) out.push(" ");
        if (name === "pre") inPre++;
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) {
          // An unclosed <script> is closed implicitly at the end: do not go negative.
          if (!implied || skipDepth > 0) skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (HEADING.test(name)) breakLine(true);
        else if (PARAGRAPH.has(name)) breakLine(true);
        else if (BLOCK.has(name) && name !== "br" && name !== "hr") breakLine(false);
        if (name === "pre") inPre = Math.max(0, inPre - 1);
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inPre > 0) return void out.push(text);
        // Source line breaks are only layout in HTML: between hanzi they vanish, elsewhere they are a space.
        out.push(text.replace(CJK_WRAP, "$1").replace(/[ \t\r\n]+/g, " "));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join("")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n[ \t]+/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
