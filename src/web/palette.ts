// Colours per entity label and relation type. One place, so the legend, the
// graph and the side panel always agree.

export const LABEL_COLOURS: Record<string, string> = {
  Agency: "#1f5fa8",
  Person: "#d9622b",
  Enterprise: "#2e9e6a",
  Organization: "#7b5ea7",
  Zone: "#c79a12",
  Region: "#7d8896",
  Policy: "#1a9bb0",
  Report: "#5f7fa3",
  Program: "#a0622d",
  Industry: "#d3416a",
  Event: "#b05fb0",
  Statement: "#a9b1bb",
};

export const LABEL_ORDER = Object.keys(LABEL_COLOURS);

const FALLBACK = "#6b7280";

export function labelColour(label: string): string {
  return LABEL_COLOURS[label] ?? FALLBACK;
}

/** Relation types as a reader would say them: the edge caption and the filter name. */
export const RELATION_CAPTIONS: Record<string, string> = {
  ISSUED: "issued",
  HOLDS_POSITION: "holds position",
  STATED: "stated",
  ANNOUNCED: "announced",
  LOCATED_IN: "located in",
  FOCUSES_ON: "focuses on",
  MEMBER_OF: "member of",
  PART_OF: "part of",
  VISITED: "visited",
  MENTIONS: "mentions",
};

export function relationCaption(type: string): string {
  return RELATION_CAPTIONS[type] ?? type.toLowerCase().replace(/_/g, " ");
}

export const EDGE_COLOUR = "#c5ccd6";
export const EDGE_HIGHLIGHT = "#4b5563";
export const DIMMED_NODE = "#e5e7eb";
export const DIMMED_EDGE = "#f0f2f5";

/** Relation types the explorer draws: MENTIONS links documents, which are not drawn as nodes. */
export const DRAWN_RELATION_TYPES = Object.keys(RELATION_CAPTIONS).filter((t) => t !== "MENTIONS");
