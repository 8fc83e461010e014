// ForceAtlas2 off the main thread, with the main thread's share bounded.
// graphology's worker supervisor writes positions into its graph after every
// iteration; on the graph sigma draws, each write re-processes every node
// (tens of ms at 5,000 nodes), so iterations would keep the main thread busy.
// Here the worker moves a shadow copy of the graph, and positions are copied to
// the drawn graph only as often as keeps copying and drawing under ~25% of the time.
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import FA2LayoutModule from "graphology-layout-forceatlas2/worker.js";

// The packages are CommonJS (module.exports = the function) but their typings say
// `export default`; bundlers hand the class itself to a default import.
const FA2Layout = FA2LayoutModule as unknown as typeof FA2LayoutModule.default;
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

interface Positioned extends Attributes {
  x: number;
  y: number;
  size: number;
}

/** Up to this many nodes, a first layout is computed on the main thread (bounded, tens of ms). */
export const SYNC_LAYOUT_UP_TO = 300;
const SYNC_ITERATIONS = 200;

/** Share of wall time that copying positions and drawing them may take on a big graph. */
const MAIN_THREAD_SHARE = 0.25;
const MAX_SYNC_INTERVAL_MS = 1500;
/** Up to this many nodes, positions are copied every frame (cheap, and smooth to watch). */
const SMOOTH_UP_TO = 500;

function layoutSettings(graph: AbstractGraph, order: number) {
  const inferred = forceAtlas2.inferSettings(graph);
  return {
    ...inferred,
    barnesHutOptimize: order > 400,
    // Small drawings: keep nodes from sitting on each other (not with Barnes-Hut).
    adjustSizes: order <= SYNC_LAYOUT_UP_TO,
    slowDown: order > SYNC_LAYOUT_UP_TO ? 2 : 1,
    // Small drawings often have separate pieces (two industries, a lone zone): keep them near.
    gravity: order < 200 ? 2 : (inferred.gravity ?? 1),
  };
}

/** ForceAtlas2 iterations on the main thread, for small graphs only. */
export function settleSynchronously(graph: AbstractGraph<Positioned>): void {
  forceAtlas2.assign(graph, { iterations: SYNC_ITERATIONS, settings: layoutSettings(graph, graph.order) });
}

export class WorkerLayout {
  private readonly shadow = new MultiDirectedGraph<Positioned>();
  private readonly supervisor: InstanceType<typeof FA2Layout>;
  private timer: number | undefined;
  private frame: number | undefined;
  private stopped = false;
  /** Time from copying positions to their frame being drawn, ms (big graphs only). */
  lastFrameCostMs = 0;

  constructor(private readonly graph: AbstractGraph<Positioned>) {
    graph.forEachNode((node, a) => this.shadow.addNode(node, { x: a.x, y: a.y, size: a.size }));
    graph.forEachEdge((edge, _a, source, target) => this.shadow.addDirectedEdgeWithKey(edge, source, target));
    this.supervisor = new FA2Layout(this.shadow, {
      settings: layoutSettings(this.shadow, this.shadow.order),
    });
  }

  start(): void {
    this.supervisor.start();
    this.tick();
  }

  /** Stops the worker and copies the last positions. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    window.clearTimeout(this.timer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.supervisor.kill();
    this.sync();
  }

  /**
   * Copies positions, then waits for the frame that draws them. On a big graph the
   * next copy waits three times as long as that took: the cost of a frame (re-indexing
   * in sigma, then the GPU, or the CPU when WebGL is software) is measured, not
   * assumed, so the page keeps ~75% of its time for the user on any machine.
   */
  private tick(): void {
    if (this.stopped) return;
    const start = performance.now();
    this.sync();
    if (this.shadow.order <= SMOOTH_UP_TO) {
      this.frame = requestAnimationFrame(() => this.tick());
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = requestAnimationFrame(() => {
        const cost = performance.now() - start;
        this.lastFrameCostMs = cost;
        const wait = Math.min(MAX_SYNC_INTERVAL_MS, cost * (1 / MAIN_THREAD_SHARE - 1));
        this.timer = window.setTimeout(() => this.tick(), wait);
      });
    });
  }

  private sync(): void {
    const shadow = this.shadow;
    this.graph.updateEachNodeAttributes(
      (node, attrs) => {
        if (shadow.hasNode(node)) {
          const p = shadow.getNodeAttributes(node);
          attrs.x = p.x;
          attrs.y = p.y;
        }
        return attrs;
      },
      { attributes: ["x", "y"] },
    );
  }
}
