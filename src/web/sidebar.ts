// Legend (colour per label, click to hide a label) and relation-type filters,
// both counted over what is drawn right now.
import { clear, h } from "./dom.js";
import { LABEL_ORDER, labelColour, relationCaption } from "./palette.js";
import type { GraphView } from "./graph-view.js";

export function renderSidebar(legend: HTMLElement, filters: HTMLElement, view: GraphView): void {
  const { labels, types } = view.counts();
  clear(legend);
  const known = [...LABEL_ORDER, ...[...labels.keys()].filter((l) => !LABEL_ORDER.includes(l))];
  for (const label of known) {
    const count = labels.get(label) ?? 0;
    const hidden = view.hiddenLabels.has(label);
    legend.append(
      h(
        "li",
        { class: `${count === 0 ? "absent" : ""} ${hidden ? "off" : ""}`.trim() },
        h(
          "button",
          {
            type: "button",
            "data-label": label,
            title: hidden ? `Show ${label}` : `Hide ${label}`,
            "aria-pressed": String(!hidden),
            onclick: () => {
              view.setLabelVisible(label, hidden);
              renderSidebar(legend, filters, view);
            },
          },
          h("span", { class: "swatch", style: `background:${labelColour(label)}` }),
          h("span", { class: "name" }, label),
          h("span", { class: "count" }, count > 0 ? String(count) : ""),
        ),
      ),
    );
  }
  clear(filters);
  if (types.size === 0) {
    filters.append(h("li", { class: "muted" }, "Relation types appear here once something is drawn."));
    return;
  }
  for (const [type, count] of [...types.entries()].sort((a, b) => b[1] - a[1])) {
    const id = `filter-${type}`;
    filters.append(
      h(
        "li",
        {},
        h("input", {
          type: "checkbox",
          id,
          "data-type": type,
          checked: !view.hiddenTypes.has(type),
          onchange: (event: Event) => {
            view.setTypeVisible(type, (event.target as HTMLInputElement).checked);
            renderSidebar(legend, filters, view);
          },
        }),
        h("label", { for: id }, relationCaption(type)),
        h("span", { class: "count" }, String(count)),
      ),
    );
  }
}
