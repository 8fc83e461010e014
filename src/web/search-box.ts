// The search box. Chinese is typed through an input method: while a
// composition is open (compositionstart..compositionend) the text is pinyin or
// half-chosen characters, so nothing is sent until the composition ends.
import type { EntityInfo, ExplorerApi } from "./api.js";
import { clear, h } from "./dom.js";
import { labelColour } from "./palette.js";

const DEBOUNCE_MS = 180;

export function attachSearchBox(
  input: HTMLInputElement,
  list: HTMLElement,
  api: ExplorerApi,
  choose: (entity: EntityInfo) => void,
): void {
  let composing = false;
  let timer: number | undefined;
  let results: EntityInfo[] = [];
  let active = -1;
  let generation = 0;

  const close = (): void => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
  };

  const pick = (entity: EntityInfo): void => {
    close();
    input.value = entity.name;
    choose(entity);
  };

  const render = (text: string): void => {
    clear(list);
    if (results.length === 0) {
      list.append(h("li", { class: "empty" }, `No entity matches “${text}”`));
    }
    results.forEach((entity, index) => {
      const alias = entity.aliases.find((a) => a.includes(text) && !entity.name.includes(text));
      list.append(
        h(
          "li",
          {
            role: "option",
            class: index === active ? "active" : "",
            "data-id": entity.id,
            onmousedown: (event: Event) => {
              event.preventDefault();
              pick(entity);
            },
          },
          h("span", { class: "dot", style: `background:${labelColour(entity.label)}` }),
          h("span", { class: "name" }, entity.name),
          alias ? h("span", { class: "alias" }, `= ${alias}`) : null,
          h("span", { class: "label" }, entity.label),
        ),
      );
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const run = async (): Promise<void> => {
    const text = input.value.trim();
    const mine = ++generation;
    if (text.length === 0) {
      close();
      return;
    }
    try {
      const page = await api.search(text);
      if (mine !== generation) return; // a newer keystroke won
      results = page.items;
      active = results.length > 0 ? 0 : -1;
      render(text);
    } catch (error) {
      if (mine !== generation) return;
      clear(list);
      list.append(h("li", { class: "empty error" }, `Search failed: ${(error as Error).message}`));
      list.hidden = false;
    }
  };

  const schedule = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  };

  input.addEventListener("compositionstart", () => {
    composing = true;
    window.clearTimeout(timer);
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    schedule();
  });
  input.addEventListener("input", (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    schedule();
  });
  input.addEventListener("keydown", (event) => {
    // keyCode 229: the key went to the input method (Enter that confirms a candidate).
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      render(input.value.trim());
    } else if (event.key === "Enter") {
      event.preventDefault();
      window.clearTimeout(timer);
      const chosen = results[active];
      if (chosen && !list.hidden) pick(chosen);
      else void run();
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(close, 120));
  input.addEventListener("focus", () => {
    if (results.length > 0 && input.value.trim()) render(input.value.trim());
  });
}
