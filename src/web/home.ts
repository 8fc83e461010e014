// The first thing a new user sees: what the page does, and questions that can
// be answered with one click (zones per industry, who announced what), built
// from what the graph actually holds.
import type { EntityRef, ExplorerApi } from "./api.js";
import { h } from "./dom.js";
import { entityLink } from "./panels.js";

const EXAMPLE_INDUSTRY = "人工智能";

export function homeCard(
  api: ExplorerApi,
  go: { industry(name: string): void; entity(ref: EntityRef): void },
): HTMLElement {
  const industryInput = h("input", {
    type: "text",
    id: "industry-input",
    list: "industry-options",
    value: EXAMPLE_INDUSTRY,
    placeholder: "industry, e.g. 人工智能",
    "aria-label": "Industry",
  });
  const options = h("datalist", { id: "industry-options" });
  const industryChips = h("div", { class: "chips" });
  const speakerChips = h("div", { class: "chips" });
  const ask = (event: Event): void => {
    event.preventDefault();
    go.industry(industryInput.value);
  };

  void api
    .zoneIndustries({}, 100)
    .then((page) => {
      const zonesPer = new Map<string, Set<string>>();
      for (const z of page.items) {
        const zones = zonesPer.get(z.industry.name) ?? new Set<string>();
        zones.add(z.zone.id);
        zonesPer.set(z.industry.name, zones);
      }
      const ranked = [...zonesPer.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 12);
      for (const [name] of ranked) options.append(h("option", { value: name }));
      industryChips.replaceChildren(
        ...ranked.map(([name, zones]) =>
          h(
            "button",
            { type: "button", class: "chip", onclick: () => go.industry(name) },
            name,
            h("span", { class: "count" }, String(zones.size)),
          ),
        ),
      );
    })
    .catch(() => industryChips.replaceChildren());

  void api
    .announcementsAll(100)
    .then((page) => {
      const per = new Map<string, { ref: EntityRef; n: number }>();
      for (const a of page.items) {
        const entry = per.get(a.speaker.id) ?? { ref: a.speaker, n: 0 };
        entry.n++;
        per.set(a.speaker.id, entry);
      }
      const ranked = [...per.values()].sort((a, b) => b.n - a.n).slice(0, 8);
      speakerChips.replaceChildren(...ranked.map(({ ref }) => entityLink(ref, go.entity)));
    })
    .catch(() => speakerChips.replaceChildren());

  return h(
    "section",
    { class: "card home" },
    h("h1", {}, "Explore the policy network"),
    h(
      "p",
      { class: "muted" },
      "Search an agency, official, enterprise, zone, policy or industry by name or short name (工信部, 光谷, 北方华创). ",
      "Click a node to draw its relations; click a relation to read the sentences it was extracted from.",
    ),
    h("h2", {}, "Which zones focus on an industry?"),
    h(
      "form",
      { class: "ask", id: "industry-form", onsubmit: ask },
      industryInput,
      options,
      h("button", { type: "submit", class: "primary", id: "industry-go" }, "Show zones"),
    ),
    industryChips,
    h("h2", {}, "Who announced what?"),
    h(
      "p",
      { class: "muted small" },
      "The most active issuers and speakers; pick one for its policies, programmes and statements.",
    ),
    speakerChips,
  );
}
