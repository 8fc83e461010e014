// The drawing: a graphology graph rendered by sigma (WebGL), laid out by
// ForceAtlas2 in a web worker so the page stays responsive while nodes move.
// Filters, hover and selection are sigma reducers: they change what is drawn,
// never the graph itself.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { SYNC_LAYOUT_UP_TO, WorkerLayout, settleSynchronously } from "./layout.js";
import type { EntityRef, EvidenceItem, RelationItem } from "./api.js";
import {
  DIMMED_EDGE,
  DIMMED_NODE,
  EDGE_COLOUR,
  EDGE_HIGHLIGHT,
  labelColour,
  relationCaption,
} from "./palette.js";
import { truncate } from "./dom.js";

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  name: string;
  expanded: boolean;
  fixed?: boolean;
}

export interface EdgeAttrs {
  relType: string;
  size: number;
  color: string;
  label: string;
  properties: Record<string, unknown>;
  evidence: EvidenceItem[];
}

export interface GraphViewEvents {
  nodeClick(id: string): void;
  edgeClick(key: string): void;
  stageClick(): void;
}

/** Above this many edges, edges are hidden while the camera moves and edge captions are off. */
const BIG_GRAPH_EDGES = 1500;
const EDGE_CAPTIONS_UP_TO = 250;
/** Small drawings name every node; bigger ones leave it to sigma's label grid. */
const ALL_LABELS_UP_TO = 40;

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  readonly hiddenTypes = new Set<string>();
  readonly hiddenLabels = new Set<string>();
  private hovered: string | null = null;
  private selectedNode: string | null = null;
  private selectedEdge: string | null = null;
  private layout: WorkerLayout | null = null;
  private layoutTimer: number | undefined;
  private layoutListeners: ((running: boolean) => void)[] = [];

  constructor(container: HTMLElement, events: GraphViewEvents) {
    this.renderer = new Sigma(this.graph, container, {
      defaultEdgeType: "arrow",
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      labelFont:
        '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", system-ui, sans-serif',
      labelSize: 12,
      labelWeight: "500",
      labelColor: { color: "#1f2937" },
      edgeLabelSize: 10,
      edgeLabelColor: { color: "#6b7280" },
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 4,
      zIndex: true,
      stagePadding: 50,
      minCameraRatio: 0.05,
      maxCameraRatio: 20,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on("clickNode", ({ node }) => events.nodeClick(node));
    this.renderer.on("clickEdge", ({ edge }) => events.edgeClick(edge));
    this.renderer.on("clickStage", () => events.stageClick());
    this.renderer.on("enterNode", ({ node }) => this.setHovered(node));
    this.renderer.on("leaveNode", () => this.setHovered(null));
    this.renderer.on("enterEdge", () => container.classList.add("pointer"));
    this.renderer.on("leaveEdge", () => container.classList.remove("pointer"));
  }

  /** Adds the entity if it is new, placed near `near` so the layout starts from a sensible spot. */
  addEntity(ref: EntityRef, near?: string): void {
    if (this.graph.hasNode(ref.id)) return;
    let x = Math.random() * 10 - 5;
    let y = Math.random() * 10 - 5;
    if (near && this.graph.hasNode(near)) {
      const anchor = this.graph.getNodeAttributes(near);
      const angle = Math.random() * 2 * Math.PI;
      const radius = 2 + Math.random() * 3;
      x = anchor.x + radius * Math.cos(angle);
      y = anchor.y + radius * Math.sin(angle);
    }
    this.graph.addNode(ref.id, {
      x,
      y,
      size: 5,
      color: labelColour(ref.label),
      label: displayName(ref),
      kind: ref.label,
      name: ref.name,
      expanded: false,
    });
  }

  /** Adds one relation as seen from `subject`; evidence accumulates if the edge is already drawn. */
  addRelation(subject: string, relation: RelationItem): string {
    this.addEntity(relation.other, subject);
    const [source, target] =
      relation.direction === "OUT" ? [subject, relation.other.id] : [relation.other.id, subject];
    const key = `${relation.type}|${source}|${target}`;
    if (!this.graph.hasEdge(key)) {
      this.graph.addDirectedEdgeWithKey(key, source, target, {
        relType: relation.type,
        size: 1.2,
        color: EDGE_COLOUR,
        label: relationCaption(relation.type),
        properties: relation.properties,
        evidence: relation.evidence,
      });
    }
    return key;
  }

  markExpanded(id: string): void {
    if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, "expanded", true);
  }

  /** Node size follows its degree in the drawing, so hubs of the current view stand out. */
  resize(): void {
    // No attribute hints: with hints sigma skips re-indexing, which fails for nodes added in this tick.
    this.graph.updateEachNodeAttributes((node, attrs) => ({
      ...attrs,
      size: Math.min(22, 4 + 2.2 * Math.sqrt(this.graph.degree(node))),
    }));
    // Big drawings trade detail for frame time: plain lines instead of arrows, no edge
    // picking pass (evidence stays reachable from the relations list), nothing but
    // nodes while the camera moves.
    const big = this.graph.size > BIG_GRAPH_EDGES;
    // Edges are picked in a half-resolution buffer: thin ones are hard to click.
    const edgeSize = big ? 1 : this.graph.size > EDGE_CAPTIONS_UP_TO ? 1.6 : 2.4;
    // The "zIndex" hint makes sigma re-index (without it, edges added this tick fail to repaint).
    this.graph.updateEachEdgeAttributes((_, attrs) => ({ ...attrs, size: edgeSize }), {
      attributes: ["size", "zIndex" as keyof EdgeAttrs],
    });
    this.setSetting("hideEdgesOnMove", big);
    this.setSetting("hideLabelsOnMove", big);
    this.setSetting("enableEdgeEvents", !big);
    this.setSetting("defaultEdgeType", big ? "line" : "arrow");
    this.setSetting("renderEdgeLabels", this.graph.size <= EDGE_CAPTIONS_UP_TO);
  }

  /** Changing a sigma setting re-processes the graph, so only change what differs. */
  private setSetting<
    K extends
      "hideEdgesOnMove" | "hideLabelsOnMove" | "enableEdgeEvents" | "renderEdgeLabels" | "defaultEdgeType",
  >(key: K, value: Settings[K]): void {
    if (this.renderer.getSetting(key) !== value) this.renderer.setSetting(key, value);
  }

  /** Runs ForceAtlas2 off the main thread for a time that grows with the graph, then stops. */
  runLayout(ms?: number): void {
    this.stopLayout();
    if (this.graph.order < 2) return;
    if (this.graph.order <= SYNC_LAYOUT_UP_TO && ms === undefined) {
      // A small drawing converges in a few tens of ms: lay it out at once, then settle
      // it in the worker for a moment from that good start.
      settleSynchronously(this.graph);
      ms = 600;
    }
    this.layout = new WorkerLayout(this.graph);
    this.layout.start();
    this.emitLayout(true);
    const duration = ms ?? Math.min(6000, 1200 + this.graph.order * 0.8);
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), duration);
  }

  stopLayout(): void {
    window.clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.stop();
      this.layout = null;
      this.emitLayout(false);
    }
  }

  isLayoutRunning(): boolean {
    return this.layout !== null;
  }

  onLayout(listener: (running: boolean) => void): void {
    this.layoutListeners.push(listener);
  }

  select(node: string | null, edge: string | null = null): void {
    this.selectedNode = node;
    this.selectedEdge = edge;
    // A full (scheduled) refresh: the node may have been added in this very tick.
    this.renderer.scheduleRefresh();
  }

  /** Moves the camera onto a node without changing the zoom more than needed. */
  focus(node: string): void {
    const display = this.renderer.getNodeDisplayData(node);
    if (!display) return;
    // The camera works in "framed graph" coordinates, display data in graph coordinates.
    const framed = this.renderer.viewportToFramedGraph(this.renderer.graphToViewport(display));
    void this.renderer.getCamera().animate({ x: framed.x, y: framed.y }, { duration: 400 });
  }

  /** Shows the whole drawing, zoomed out a little so labels at the edges are not cut. */
  fit(): void {
    void this.renderer.getCamera().animate({ x: 0.5, y: 0.5, angle: 0, ratio: 1.12 }, { duration: 300 });
  }

  setTypeVisible(type: string, visible: boolean): void {
    if (visible) this.hiddenTypes.delete(type);
    else this.hiddenTypes.add(type);
    this.renderer.scheduleRefresh();
  }

  setLabelVisible(label: string, visible: boolean): void {
    if (visible) this.hiddenLabels.delete(label);
    else this.hiddenLabels.add(label);
    this.renderer.scheduleRefresh();
  }

  clear(): void {
    this.stopLayout();
    this.selectedNode = null;
    this.selectedEdge = null;
    this.hovered = null;
    this.graph.clear();
  }

  /** How many nodes per entity label and edges per relation type are in the drawing. */
  counts(): { labels: Map<string, number>; types: Map<string, number> } {
    const labels = new Map<string, number>();
    const types = new Map<string, number>();
    this.graph.forEachNode((_, a) => labels.set(a.kind, (labels.get(a.kind) ?? 0) + 1));
    this.graph.forEachEdge((_, a) => types.set(a.relType, (types.get(a.relType) ?? 0) + 1));
    return { labels, types };
  }

  private emitLayout(running: boolean): void {
    for (const listener of this.layoutListeners) listener(running);
  }

  private setHovered(node: string | null): void {
    this.hovered = node;
    this.renderer.refresh({ skipIndexation: true });
  }

  private isNodeHidden(node: string, attrs: NodeAttrs): boolean {
    if (this.hiddenLabels.has(attrs.kind)) return true;
    if (this.hiddenTypes.size === 0 || node === this.selectedNode || attrs.expanded) return false;
    // A node whose every relation is filtered out would float unexplained.
    return !this.graph.someEdge(node, (_, edge) => !this.hiddenTypes.has(edge.relType));
  }

  private reduceNode(node: string, data: NodeAttrs): Partial<NodeDisplayData> {
    const out: Partial<NodeDisplayData> = { ...data };
    if (this.isNodeHidden(node, data)) out.hidden = true;
    // Hover dims everything but the node's neighbourhood; a selection only stands out,
    // so the rest of the drawing stays readable while the panel shows the selection.
    const hovered = this.hovered && this.graph.hasNode(this.hovered) ? this.hovered : null;
    if (hovered) {
      if (node === hovered) {
        out.highlighted = true;
        out.zIndex = 2;
      } else if (this.graph.areNeighbors(hovered, node)) {
        out.zIndex = 1;
        out.forceLabel = this.graph.degree(hovered) <= 40;
      } else {
        out.color = DIMMED_NODE;
        out.label = "";
        out.zIndex = 0;
      }
    } else if (this.graph.order <= ALL_LABELS_UP_TO) {
      out.forceLabel = true;
    }
    if (
      node === this.selectedNode ||
      (this.selectedEdge && this.graph.hasExtremity(this.selectedEdge, node))
    ) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 2;
    }
    return out;
  }

  /** Parallel relations (announced and member of, between the same two) share one caption. */
  private edgeCaption(edge: string, source: string, target: string, data: EdgeAttrs): string {
    if (!this.renderer.getSetting("renderEdgeLabels")) return data.label;
    const parallel = [
      ...new Set([...this.graph.edges(source, target), ...this.graph.edges(target, source)]),
    ].filter((e) => !this.hiddenTypes.has(this.graph.getEdgeAttribute(e, "relType")));
    if (parallel.length < 2) return data.label;
    parallel.sort();
    if (parallel[0] !== edge) return "";
    return parallel.map((e) => this.graph.getEdgeAttribute(e, "label")).join(" · ");
  }

  private reduceEdge(edge: string, data: EdgeAttrs): Partial<EdgeDisplayData> {
    const out: Partial<EdgeDisplayData> = { ...data };
    const [source, target] = this.graph.extremities(edge);
    if (
      this.hiddenTypes.has(data.relType) ||
      this.isNodeHidden(source, this.graph.getNodeAttributes(source)) ||
      this.isNodeHidden(target, this.graph.getNodeAttributes(target))
    ) {
      out.hidden = true;
      return out;
    }
    out.label = this.edgeCaption(edge, source, target, data);
    const hovered = this.hovered && this.graph.hasNode(this.hovered) ? this.hovered : null;
    const touches = (n: string | null) => n !== null && (source === n || target === n);
    if (edge === this.selectedEdge) {
      out.color = "#111827";
      out.size = 3;
      out.forceLabel = true;
      out.zIndex = 2;
    } else if (touches(hovered) || (!hovered && touches(this.selectedNode))) {
      out.color = EDGE_HIGHLIGHT;
      out.zIndex = 1;
    } else if (hovered) {
      out.color = DIMMED_EDGE;
      out.label = "";
    }
    return out;
  }
}

function displayName(ref: EntityRef): string {
  if (ref.label === "Statement") return `“${truncate(ref.name, 14)}”`;
  if (ref.label === "Policy" || ref.label === "Report") return `《${truncate(ref.name, 18)}》`;
  return truncate(ref.name, 18);
}
