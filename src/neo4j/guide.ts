// The Neo4j Browser guide (`:play`), generated from cypher/queries/*.cypher so that
// the guide and the query files cannot drift apart. A query file starts with
// comment lines: the first is the slide's title (the question), the rest its
// explanation; the remainder is the query, which Browser shows as runnable code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GuideQuery {
  file: string;
  title: string;
  description: string;
  query: string;
}

export function parseQueryFile(file: string, text: string): GuideQuery {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const comments: string[] = [];
  while (lines.length && lines[0]!.trim().startsWith("//"))
    comments.push(lines.shift()!.replace(/^\s*\/\/\s?/, ""));
  const query = lines.join("\n").trim();
  if (!comments[0] || !query)
    throw new Error(`${file}: expected a // title line, optional // notes, then a query`);
  return { file, title: comments[0].trim(), description: comments.slice(1).join(" ").trim(), query };
}

export function readQueryFiles(dir: string): GuideQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => parseQueryFile(f, readFileSync(path.join(dir, f), "utf8")));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function slide(title: string, body: string): string {
  return `    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>${escapeHtml(title)}</h3>
${body}
      </div>
    </slide>`;
}

/** The first slide's title, which also tells a test that the guide is on screen. */
export const guideTitle = "PolicyGraph: Chinese industrial policy as a graph";

/** A label's colours in the style, for the legend on the first slide. */
export interface LegendEntry {
  label: string;
  color: string;
  textColor: string;
}

function legendHtml(legend: LegendEntry[]): string {
  if (legend.length === 0) return "";
  const chip = (e: LegendEntry) =>
    `<span style="display:inline-block;margin:2px 6px 2px 0;padding:1px 9px;border-radius:10px;` +
    `background:${escapeHtml(e.color)};color:${escapeHtml(e.textColor)}">${escapeHtml(e.label)}</span>`;
  return `        <p>Colours in the graph view: ${legend.map(chip).join("")}</p>\n`;
}

/** Browser's guide format: <article class="guide"> with a <carousel> of <slide>s; `pre.runnable` blocks go to the editor on click. */
export function renderGuide(queries: GuideQuery[], legend: LegendEntry[] = []): string {
  const questions = queries.map((q, i) => `<li>${escapeHtml(q.title)} <small>(slide ${i + 2})</small></li>`);
  const intro = slide(
    guideTitle,
    `        <p>Agencies, officials, enterprises, zones, regions, policies, programmes and industries read from Chinese policy news.
        Every relation keeps its evidence: the sentences (<code>evSentence</code>), their articles (<code>evDoc</code>) and the rule that read them (<code>evRule</code>).</p>
${legendHtml(legend)}        <p>The next slides answer the questions analysts ask most (the same queries as <code>cypher/queries/</code>):</p>
        <ol style="columns:2;list-style:decimal;padding-left:24px;margin-bottom:10px">${questions.join("")}</ol>
        <p>Click a query to put it in the editor, then run it with Ctrl+Enter or ▶. What the graph holds:</p>
        <pre class="pre-scrollable code runnable">MATCH (n:Entity) RETURN n.label AS label, count(*) AS entities ORDER BY entities DESC</pre>`,
  );
  const slides = queries.map((q) =>
    slide(
      q.title,
      `        <p>${escapeHtml(q.description)}</p>
        <figure><pre class="pre-scrollable code runnable">${escapeHtml(q.query)}</pre></figure>
        <p><small>cypher/queries/${escapeHtml(q.file)}</small></p>`,
    ),
  );
  return `<article class="guide">
  <carousel class="deck container-fluid">
${[intro, ...slides].join("\n")}
  </carousel>
</article>
`;
}
