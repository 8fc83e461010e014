// Entry point of the explorer page (bundled by scripts/build-web.mjs).
import { ExplorerApi } from "./api.js";
import { ExplorerApp } from "./app.js";
import { byId } from "./dom.js";
import { downloadPng, renderPng } from "./export-png.js";
import { GraphQLClient, GraphQLRequestError, apiKeyFromPage, saveApiKey } from "./graphql-client.js";
import { GraphView } from "./graph-view.js";
import { attachSearchBox } from "./search-box.js";

declare global {
  interface Window {
    /** Debugging and test hook: the live app, its drawing and a PNG renderer. */
    policyGraphExplorer?: {
      app: ExplorerApp;
      view: GraphView;
      renderPng: (caption: string) => Promise<Blob>;
    };
  }
}

function start(): void {
  const api = new ExplorerApi(new GraphQLClient("/graphql", apiKeyFromPage()));
  let app: ExplorerApp | null = null;
  const view = new GraphView(byId("graph"), {
    nodeClick: (id) => {
      const attrs = view.graph.getNodeAttributes(id);
      void app?.openEntity({ id, label: attrs.kind, name: attrs.name });
    },
    edgeClick: (key) => app?.showEdge(key),
    stageClick: () => view.select(null),
  });
  app = new ExplorerApp(api, view, {
    panel: byId("panel"),
    legend: byId("legend"),
    filters: byId("filters"),
    status: byId("status"),
    toast: byId("toast"),
    empty: byId("empty"),
  });
  const explorer = app;

  attachSearchBox(
    byId<HTMLInputElement>("search"),
    byId("suggestions"),
    api,
    (entity) => void explorer.openEntity(entity),
  );
  byId("home").addEventListener("click", () => explorer.home());
  byId("fit").addEventListener("click", () => view.fit());
  byId("relayout").addEventListener("click", () =>
    view.isLayoutRunning() ? view.stopLayout() : view.runLayout(),
  );
  byId("clear").addEventListener("click", () => explorer.clearDrawing());
  byId("export").addEventListener("click", () => {
    const focus = document.querySelector<HTMLElement>(".entity-card h1")?.textContent ?? "PolicyGraph";
    const caption = `PolicyGraph · ${focus} · ${new Date().toISOString().slice(0, 10)}`;
    void downloadPng(
      view,
      caption,
      `policygraph-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.png`,
    ).catch((error: Error) => explorer.toast(`Export failed: ${error.message}`));
  });
  view.onLayout((running) => {
    byId("relayout").textContent = running ? "Stop layout" : "Re-run layout";
  });

  window.policyGraphExplorer = { app, view, renderPng: (caption) => renderPng(view, caption) };
  // A pasted or edited address (#e=<id>, #industry=<name>) opens what it names.
  window.addEventListener("hashchange", () => void explorer.restoreFromHash());
  void explorer.restoreFromHash().then((restored) => {
    if (!restored) explorer.home();
    explorer.updateStatus();
  });
  void api
    .stats()
    .then((s) => {
      byId("stats").textContent =
        `${s.entities.toLocaleString()} entities · ${s.relations.toLocaleString()} relations${
          s.documents === null ? "" : ` · ${s.documents.toLocaleString()} documents`
        }`;
    })
    .catch((error: Error) => {
      if (error instanceof GraphQLRequestError && error.codes.includes("UNAUTHENTICATED")) {
        // `policygraph serve --api-key`: ask once, keep it in this browser, start again.
        const key = window.prompt("This PolicyGraph server needs an API key (serve --api-key). Key:");
        if (key) {
          saveApiKey(key.trim());
          location.reload();
        }
        return;
      }
      explorer.toast(`Cannot reach the GraphQL API: ${error.message}`);
    });
}

start();
