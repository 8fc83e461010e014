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

/** Browser's guide format: <article class="guide"> with a <carousel> of <slide>s; `pre.runnable` blocks run on click. */
export function renderGuide(queries: GuideQuery[]): string {
  const intro = slide(
    "PolicyGraph: Chinese industrial policy as a graph",
    `        <p>Agencies, officials, enterprises, zones, regions, policies, programmes and industries read from policy news, linked by
        <code>ISSUED</code>, <code>HOLDS_POSITION</code>, <code>ANNOUNCED</code>, <code>FOCUSES_ON</code>, <code>LOCATED_IN</code>,
        <code>MEMBER_OF</code>, <code>PART_OF</code>, <code>VISITED</code> and <code>STATED</code>. Every relation keeps its evidence:
        the sentences (<code>evSentence</code>), their articles (<code>evDoc</code>) and the rule that read them (<code>evRule</code>).</p>
        <p>Click a query to put it in the editor, then run it. The next slides answer the questions analysts ask most.</p>
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
