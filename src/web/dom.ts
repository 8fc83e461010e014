// A tiny element builder. Text from the graph always goes in as text nodes,
// never as HTML, so names and sentences from crawled pages cannot inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value);
    else if (key === "class") el.className = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children.flat());
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`explorer: #${id} is missing from index.html`);
  return el as T;
}

/** Splits `text` around occurrences of any of `terms`, marking them (for evidence sentences). */
export function highlight(text: string, terms: string[]): Node[] {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [document.createTextNode(text)];
  const nodes: Node[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best = -1;
    let term = "";
    for (const t of wanted) {
      const at = rest.indexOf(t);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        term = t;
      }
    }
    if (best < 0) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    if (best > 0) nodes.push(document.createTextNode(rest.slice(0, best)));
    nodes.push(h("mark", {}, term));
    rest = rest.slice(best + term.length);
  }
  return nodes;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
