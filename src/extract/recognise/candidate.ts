// A recognised span before overlap selection. `priority` breaks ties between
// spans of equal length; `tier` 0 spans (titles in 《》, quoted programmes) beat
// anything they contain.
import type { EntityMention } from "../types.js";

export interface Candidate extends EntityMention {
  priority: number;
  tier: 0 | 1;
}

const HAN = /[\u3400-\u9fff]/;
export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Characters that end a clause: a name never runs across them. */
export const CLAUSE_BREAK = /[，。；：！？、“”‘’"《》〈〉（）()【】[\]{}\s,;:!?·—…|/]/;
