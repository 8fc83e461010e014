// The panel that answers the zones-per-industry question: zones linked
// directly (with the metric the text gave), zones linked through a programme,
// and everything else that focuses on the industry, each with its sentences.
import { h } from "./dom.js";
import type { EntityRef, EvidenceItem } from "./api.js";
import type { IndustryAnswer } from "./industry.js";
import { entityLink, evidenceList } from "./panels.js";

export function industryCard(answer: IndustryAnswer, open: (ref: EntityRef) => void): HTMLElement {
  const names = (...refs: EntityRef[]) => refs.flatMap((r) => [r.name, ...(r.aliases ?? [])]);
  const matched = answer.industries.map((i) => i.name);
  const zoneCount = new Set([
    ...answer.direct.map((z) => z.zone.id),
    ...answer.viaProgram.map((v) => v.zone.id),
  ]).size;
  const section = (title: string, note: string, rows: HTMLElement[]) =>
    rows.length === 0
      ? null
      : h(
          "div",
          { class: "answer-section" },
          h("h2", {}, title),
          h("p", { class: "muted small" }, note),
          h("ol", { class: "zones" }, ...rows),
        );

  return h(
    "section",
    { class: "card industry-card" },
    h(
      "div",
      { class: "entity-head" },
      h("span", { class: "pill", style: "--c:#d3416a" }, "Question"),
      h("h1", {}, `Which zones focus on ${answer.query}?`),
    ),
    matched.length === 0
      ? h(
          "p",
          { class: "muted" },
          `No industry named like “${answer.query}” is in the graph. Try a shorter or more general name.`,
        )
      : h(
          "p",
          { class: "summary" },
          zoneCount === 0 ? "No zone found" : `${zoneCount} zone${zoneCount === 1 ? "" : "s"}`,
          ` for ${matched.length === 1 ? matched[0] : `${matched.length} industries (${matched.join("、")})`}.`,
        ),
    section(
      `Zones that focus on it (${answer.directTotal})`,
      "The text links the zone to the industry.",
      answer.direct.map((z) =>
        h(
          "li",
          { class: "zone-row" },
          h(
            "div",
            { class: "zone-head" },
            entityLink(z.zone, open),
            z.industry.name !== answer.query ? h("span", { class: "via" }, `→ ${z.industry.name}`) : null,
            z.metric ? h("span", { class: "metric" }, z.metric) : null,
          ),
          evidenceList(z.evidence, names(z.zone, z.industry)),
        ),
      ),
    ),
    section(
      `Zones in a programme that focuses on it (${new Set(answer.viaProgram.map((v) => v.zone.id)).size})`,
      "The zones joined or co-founded a programme whose subject is the industry.",
      byProgram(answer).map(({ program, industry, zones, focus, membership }) =>
        h(
          "li",
          { class: "zone-row" },
          h(
            "div",
            { class: "zone-head" },
            entityLink(program, open),
            h("span", { class: "via" }, `→ ${industry.name}`),
          ),
          h("div", { class: "members" }, ...zones.map((z) => entityLink(z, open))),
          evidenceList(dedupeEvidence([...focus, ...membership]), names(program, industry, ...zones)),
        ),
      ),
    ),
    section(
      `Also focusing on it (${answer.others.length})`,
      "Regions, enterprises, policies and programmes the text links to the industry.",
      answer.others.map(({ industry, relation }) =>
        h(
          "li",
          { class: "zone-row" },
          h(
            "div",
            { class: "zone-head" },
            entityLink(relation.other, open),
            h("span", { class: "via" }, relation.other.label),
            typeof relation.properties.metric === "string"
              ? h("span", { class: "metric" }, relation.properties.metric)
              : null,
          ),
          evidenceList(relation.evidence, names(relation.other, industry)),
        ),
      ),
    ),
  );
}

/** Programme-linked zones grouped per programme, so each programme's sentences show once. */
function byProgram(answer: IndustryAnswer) {
  const groups = new Map<
    string,
    {
      program: EntityRef;
      industry: EntityRef;
      zones: EntityRef[];
      focus: EvidenceItem[];
      membership: EvidenceItem[];
    }
  >();
  for (const v of answer.viaProgram) {
    const key = `${v.program.id}|${v.industry.id}`;
    const group = groups.get(key) ?? {
      program: v.program,
      industry: v.industry,
      zones: [],
      focus: v.focus.evidence,
      membership: [],
    };
    group.zones.push(v.zone);
    group.membership.push(...v.membership.evidence);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function dedupeEvidence(items: EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const key = `${e.documentId}|${e.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
