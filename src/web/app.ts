// The explorer's controller: what happens when the user searches, clicks a
// node or an edge, or asks for the zones of an industry. It fetches through the
// GraphQL API, draws into the GraphView and fills the side panel.
import type { EntityInfo, EntityRef, ExplorerApi } from "./api.js";
import { clear, h } from "./dom.js";
import type { GraphView } from "./graph-view.js";
import {
  announcementsCard,
  card,
  entityCard,
  relationEvidenceCard,
  relationsCard,
  type RelationRow,
} from "./panels.js";
import { renderSidebar } from "./sidebar.js";
import { homeCard } from "./home.js";
import { industryCard } from "./industry-card.js";
import { answerIndustry, type IndustryAnswer } from "./industry.js";
import { DRAWN_RELATION_TYPES } from "./palette.js";

/** Relations fetched per request, and per click on "Expand" / "Load more". */
const PAGE_SIZE = 100;
const EXPAND_STEP = 500;
/** Who-announced-what is shown for these labels, and for any other entity that announced something. */
const SPEAKERS = new Set(["Agency", "Person"]);
const MAY_SPEAK = new Set(["Enterprise", "Organization", "Region", "Zone"]);

interface Expansion {
  loaded: number;
  total: number;
  cursor: string | null;
  hasNext: boolean;
}

export interface AppElements {
  panel: HTMLElement;
  legend: HTMLElement;
  filters: HTMLElement;
  status: HTMLElement;
  toast: HTMLElement;
  empty: HTMLElement;
}

export class ExplorerApp {
  private readonly expansions = new Map<string, Expansion>();
  private readonly entities = new Map<string, EntityInfo>();
  /** Bumped whenever the panel changes subject, so late answers for an old subject are dropped. */
  private panelGeneration = 0;
  private focusId: string | null = null;

  constructor(
    private readonly api: ExplorerApi,
    readonly view: GraphView,
    private readonly el: AppElements,
  ) {
    view.onLayout(() => this.updateStatus());
    renderSidebar(el.legend, el.filters, view);
  }

  readonly open = (ref: EntityRef): void => void this.openEntity(ref);

  async openEntity(ref: EntityRef, options: { expand?: boolean } = {}): Promise<void> {
    this.view.addEntity(ref);
    this.focusId = ref.id;
    this.view.select(ref.id);
    history.replaceState(null, "", `#e=${encodeURIComponent(ref.id)}`);
    await this.guard(async () => {
      if (options.expand !== false && !this.expansions.has(ref.id)) await this.expand(ref.id);
      // Small drawings fit the screen; in a big one, move to the node.
      if (this.view.graph.order > 80) this.view.focus(ref.id);
      else this.view.fit();
      await this.renderEntityPanel(ref.id);
    });
  }

  /** Draws the next EXPAND_STEP relations of a node (all of them for most entities). */
  async expand(id: string): Promise<void> {
    const state = this.expansions.get(id) ?? { loaded: 0, total: 0, cursor: null, hasNext: true };
    let fetched = 0;
    while (state.hasNext && fetched < EXPAND_STEP) {
      this.setStatus("Loading relations…");
      const page = await this.api.relations(id, DRAWN_RELATION_TYPES, PAGE_SIZE, state.cursor);
      for (const relation of page.items)
        if (relation.type !== "MENTIONS") this.view.addRelation(id, relation);
      fetched += page.items.length;
      state.loaded += page.items.length;
      state.total = page.totalCount;
      state.cursor = page.endCursor;
      state.hasNext = page.hasNextPage && page.items.length > 0;
    }
    this.expansions.set(id, state);
    this.view.markExpanded(id);
    this.afterGraphChange();
  }

  showEdge(key: string): void {
    if (!this.view.graph.hasEdge(key)) return;
    this.panelGeneration++;
    const graph = this.view.graph;
    const attrs = graph.getEdgeAttributes(key);
    const [source, target] = graph.extremities(key);
    const ref = (id: string): EntityRef => ({
      id,
      label: graph.getNodeAttribute(id, "kind"),
      name: graph.getNodeAttribute(id, "name"),
    });
    this.view.select(null, key);
    const terms = [source, target].flatMap((id) => [
      graph.getNodeAttribute(id, "name"),
      ...(this.entities.get(id)?.aliases ?? []),
    ]);
    const back = this.focusId && graph.hasNode(this.focusId) ? this.focusId : null;
    this.fillPanel(
      relationEvidenceCard(
        { type: attrs.relType, source: ref(source), target: ref(target), properties: attrs.properties },
        attrs.evidence,
        terms,
        this.open,
      ),
      back
        ? h(
            "button",
            {
              type: "button",
              class: "back",
              onclick: () => void this.openEntity(ref(back), { expand: false }),
            },
            `← Back to ${graph.getNodeAttribute(back, "name")}`,
          )
        : null,
    );
  }

  /** The quick question: which zones focus on an industry, and the sentences that say so. */
  async showIndustry(industry: string): Promise<void> {
    const name = industry.trim();
    if (!name) return;
    history.replaceState(null, "", `#industry=${encodeURIComponent(name)}`);
    await this.guard(async () => {
      const generation = ++this.panelGeneration;
      this.setStatus(`Finding zones for ${name}…`);
      const answer = await answerIndustry(this.api, name);
      if (generation !== this.panelGeneration) return;
      this.view.clear();
      this.expansions.clear();
      this.drawIndustryAnswer(answer);
      // Nothing selected: a selection would dim the zones two hops away (via a programme).
      this.focusId = answer.industries[0]?.id ?? null;
      this.view.select(null);
      this.afterGraphChange();
      this.fillPanel(industryCard(answer, this.open));
    });
  }

  private drawIndustryAnswer(answer: IndustryAnswer): void {
    for (const ref of answer.industries) this.view.addEntity(ref);
    for (const z of answer.direct) {
      this.view.addRelation(z.industry.id, {
        type: "FOCUSES_ON",
        direction: "IN",
        other: z.zone,
        properties: z.metric ? { metric: z.metric } : {},
        evidence: z.evidence,
      });
    }
    for (const v of answer.viaProgram) {
      this.view.addRelation(v.industry.id, v.focus);
      this.view.addRelation(v.program.id, v.membership);
    }
    for (const o of answer.others) this.view.addRelation(o.industry.id, o.relation);
  }

  home(): void {
    this.panelGeneration++;
    this.fillPanel(homeCard(this.api, { industry: (n) => void this.showIndustry(n), entity: this.open }));
  }

  clearDrawing(): void {
    this.view.clear();
    this.expansions.clear();
    this.focusId = null;
    history.replaceState(null, "", location.pathname + location.search);
    this.afterGraphChange();
    this.home();
  }

  /** Opens what the address names (#e=<id> or #industry=<name>), so a view can be shared. */
  async restoreFromHash(): Promise<boolean> {
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get("e");
    const industry = params.get("industry");
    if (industry) {
      await this.showIndustry(industry);
      return true;
    }
    if (id) {
      const entity = await this.api.entity(id).catch(() => null);
      if (entity) {
        this.entities.set(entity.id, entity);
        await this.openEntity(entity);
        return true;
      }
    }
    return false;
  }

  updateStatus(): void {
    const { order, size } = this.view.graph;
    this.el.empty.hidden = order > 0;
    const layout = this.view.isLayoutRunning() ? " · laying out…" : "";
    this.setStatus(order === 0 ? "Nothing drawn yet" : `${order} nodes · ${size} relations${layout}`);
  }

  private async renderEntityPanel(id: string): Promise<void> {
    const generation = ++this.panelGeneration;
    let entity = this.entities.get(id) ?? null;
    if (!entity) {
      entity = await this.api.entity(id);
      if (!entity) throw new Error(`The server no longer knows ${id}`);
      this.entities.set(id, entity);
    }
    if (generation !== this.panelGeneration) return;
    const ref: EntityRef = entity;
    const expansion = this.expansions.get(id) ?? null;
    const extra = h("div", { class: "extra" });
    this.fillPanel(
      entityCard(entity, expansion ? { loaded: expansion.loaded, total: expansion.total } : null, {
        expand: () => void this.openEntity(ref),
        more: () => void this.guard(async () => (await this.expand(id), await this.renderEntityPanel(id))),
        centre: () => this.view.focus(id),
      }),
      extra,
      relationsCard(this.relationRows(id), (key) => this.showEdge(key), this.open),
    );
    if (SPEAKERS.has(entity.label) || MAY_SPEAK.has(entity.label)) {
      if (SPEAKERS.has(entity.label)) extra.append(card("Announced", h("p", { class: "muted" }, "Loading…")));
      const page = await this.api.announcements(entity.name, 30);
      if (generation !== this.panelGeneration) return;
      clear(extra);
      if (page.totalCount > 0 || SPEAKERS.has(entity.label)) {
        extra.append(announcementsCard(entity.name, page, this.open, null));
      }
    } else if (entity.label === "Industry") {
      const answer = await answerIndustry(this.api, entity.name);
      if (generation !== this.panelGeneration) return;
      extra.append(industryCard(answer, this.open));
    }
  }

  private relationRows(id: string): RelationRow[] {
    const graph = this.view.graph;
    const rows: RelationRow[] = [];
    graph.forEachEdge(id, (key, attrs, source, target) => {
      const otherId = source === id ? target : source;
      const other = graph.getNodeAttributes(otherId);
      rows.push({
        key,
        type: attrs.relType,
        outgoing: source === id,
        other: { id: otherId, label: other.kind, name: other.name },
        evidenceCount: attrs.evidence.length,
      });
    });
    return rows;
  }

  private afterGraphChange(): void {
    this.view.resize();
    this.view.runLayout();
    renderSidebar(this.el.legend, this.el.filters, this.view);
    this.updateStatus();
  }

  private fillPanel(...cards: (HTMLElement | null)[]): void {
    this.el.panel.replaceChildren(...cards.filter((c): c is HTMLElement => c !== null));
    this.el.panel.scrollTop = 0;
  }

  private setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  /** Runs an action and turns its failure into a visible message instead of a console trace. */
  private async guard(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.toast((error as Error).message);
    } finally {
      this.updateStatus();
    }
  }

  toast(message: string): void {
    this.el.toast.textContent = message;
    this.el.toast.hidden = false;
    window.setTimeout(() => (this.el.toast.hidden = true), 6000);
  }
}
