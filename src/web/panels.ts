// The side panel's cards: the chosen entity, the evidence behind a relation,
// who announced what, and the zones of an industry. Pure builders: they take
// data and callbacks and return elements; the app decides where they go.
import type { AnnouncementItem, EntityInfo, EntityRef, EvidenceItem, Page } from "./api.js";
import { h, highlight } from "./dom.js";
import { labelColour, relationCaption } from "./palette.js";

export interface RelationRow {
  key: string;
  type: string;
  outgoing: boolean;
  other: EntityRef;
  evidenceCount: number;
}

export function labelPill(label: string): HTMLElement {
  return h("span", { class: "pill", style: `--c:${labelColour(label)}` }, label);
}

export function entityLink(ref: EntityRef, open: (ref: EntityRef) => void): HTMLElement {
  return h(
    "button",
    { class: "entity-link", type: "button", title: ref.label, onclick: () => open(ref) },
    h("span", { class: "dot", style: `background:${labelColour(ref.label)}` }),
    ref.label === "Policy" || ref.label === "Report" ? `《${ref.name}》` : ref.name,
  );
}

export function card(title: string, ...body: (Node | null)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...body);
}

export function entityCard(
  entity: EntityInfo,
  expansion: { loaded: number; total: number } | null,
  actions: { expand(): void; more(): void; centre(): void },
): HTMLElement {
  const facts: [string, string][] = [];
  if (entity.documentCount !== null) facts.push(["Documents", String(entity.documentCount)]);
  if (entity.pagerank !== null) facts.push(["PageRank", entity.pagerank.toFixed(4)]);
  if (entity.community !== null) facts.push(["Community", String(entity.community)]);
  if (expansion) facts.push(["Relations", `${expansion.loaded} of ${expansion.total} drawn`]);
  return h(
    "section",
    { class: "card entity-card", "data-entity": entity.id },
    h("div", { class: "entity-head" }, labelPill(entity.label), h("h1", {}, entity.name)),
    entity.aliases.length > 0 ? h("p", { class: "aliases" }, "Also: ", entity.aliases.join(" · ")) : null,
    facts.length > 0
      ? h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))
      : null,
    h(
      "div",
      { class: "actions" },
      expansion
        ? expansion.loaded < expansion.total
          ? h("button", { type: "button", onclick: actions.more }, "Load more relations")
          : null
        : h("button", { type: "button", class: "primary", onclick: actions.expand }, "Expand"),
      h("button", { type: "button", onclick: actions.centre }, "Centre"),
    ),
  );
}

export function relationsCard(
  rows: RelationRow[],
  showEvidence: (key: string) => void,
  open: (ref: EntityRef) => void,
): HTMLElement {
  if (rows.length === 0) return card("Relations", h("p", { class: "muted" }, "No relations drawn yet."));
  const byType = new Map<string, RelationRow[]>();
  for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
  const groups = [...byType.entries()].sort((a, b) => b[1].length - a[1].length);
  return card(
    `Relations (${rows.length})`,
    h(
      "div",
      { class: "relations" },
      ...groups.map(([type, list]) =>
        h(
          "details",
          { open: groups.length <= 3 || list.length <= 6 },
          h("summary", {}, `${relationCaption(type)} `, h("span", { class: "count" }, String(list.length))),
          h(
            "ul",
            { class: "relation-list" },
            ...list
              .slice(0, 200)
              .map((row) =>
                h(
                  "li",
                  { "data-key": row.key },
                  h("span", { class: "arrow" }, row.outgoing ? "→" : "←"),
                  entityLink(row.other, open),
                  h(
                    "button",
                    { type: "button", class: "evidence-button", onclick: () => showEvidence(row.key) },
                    row.evidenceCount === 1 ? "1 source" : `${row.evidenceCount} sources`,
                  ),
                ),
              ),
          ),
        ),
      ),
    ),
  );
}

export function evidenceList(items: EvidenceItem[], terms: string[]): HTMLElement {
  if (items.length === 0) return h("p", { class: "muted" }, "No evidence sentence recorded.");
  return h(
    "ol",
    { class: "evidence" },
    ...items.map((e) =>
      h(
        "li",
        {},
        h("blockquote", {}, ...highlight(e.sentence, terms)),
        h(
          "div",
          { class: "source" },
          h("span", { class: "doc-title" }, e.title ?? e.documentId),
          e.date ? h("time", { datetime: e.date }, e.date) : h("span", { class: "muted" }, "undated"),
          h("span", { class: "rule", title: "extraction rule" }, e.rule),
        ),
      ),
    ),
  );
}

export function relationEvidenceCard(
  relation: { type: string; source: EntityRef; target: EntityRef; properties: Record<string, unknown> },
  evidence: EvidenceItem[],
  terms: string[],
  open: (ref: EntityRef) => void,
): HTMLElement {
  const present = Object.entries(relation.properties).filter(
    ([, v]) => v !== null && v !== "" && v !== undefined,
  );
  // metricValue, metricUnits … are machine-readable forms of `metric`: the reader wants the text.
  const props = present.filter(([k]) => !present.some(([base]) => base !== k && k.startsWith(base)));
  return h(
    "section",
    { class: "card evidence-card" },
    h("h2", {}, "Evidence"),
    h(
      "p",
      { class: "relation-line" },
      entityLink(relation.source, open),
      h("span", { class: "rel-type" }, relationCaption(relation.type)),
      entityLink(relation.target, open),
    ),
    props.length > 0
      ? h(
          "dl",
          { class: "facts" },
          ...props.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, formatValue(v))]),
        )
      : null,
    evidenceList(evidence, terms),
  );
}

export function announcementsCard(
  who: string,
  page: Page<AnnouncementItem>,
  open: (ref: EntityRef) => void,
  more: (() => void) | null,
): HTMLElement {
  if (page.totalCount === 0)
    return card(
      "Announced",
      h("p", { class: "muted" }, `No policy, programme or statement by ${who} on record.`),
    );
  return card(
    `Announced by ${who} (${page.totalCount})`,
    h(
      "ul",
      { class: "announcements" },
      ...page.items.map((a) =>
        h(
          "li",
          {},
          h(
            "div",
            { class: "ann-head" },
            h("span", { class: `kind kind-${a.kind.toLowerCase()}` }, a.kind.toLowerCase()),
            a.date ? h("time", { datetime: a.date }, a.date) : null,
          ),
          a.what.label === "Statement"
            ? h("blockquote", { class: "statement" }, a.what.name)
            : h("div", {}, entityLink(a.what, open)),
          a.speaker.name !== who
            ? h("div", { class: "muted small" }, "by ", entityLink(a.speaker, open))
            : null,
          a.what.label !== "Statement" && a.evidence[0]
            ? h(
                "blockquote",
                { class: "quote" },
                ...highlight(a.evidence[0].sentence, [a.speaker.name, a.what.name]),
              )
            : null,
          a.document?.title
            ? h("div", { class: "source" }, h("span", { class: "doc-title" }, a.document.title))
            : null,
        ),
      ),
    ),
    more ? h("button", { type: "button", onclick: more }, "More") : null,
  );
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
