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
// A single space is not a break: PDF extraction puts one between Han text and digits.
export const CLAUSE_BREAK = /[，。；：！？、“”‘’"《》〈〉（）()【】[\]{}\n\r\t\u3000,;:!?·—…|/]/;
