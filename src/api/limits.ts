// Limits on what one request may ask for. The query-shape limits are
// graphql-armor's validation rules; the HTTP ones are enforced in http.ts.
import { ApolloArmor } from "@escape.tech/graphql-armor";

export interface ApiLimits {
  /** Selection depth; 10 allows entity → relations → edges → node → relations → edges → node → name. */
  maxDepth: number;
  maxAliases: number;
  /**
   * graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, and a selection
   * with a literal `first: N` costs N times its children. 50 000 lets one page of
   * 100 entities with their relations and evidence through, not nested pages of 100.
   */
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  /** Request body, bytes. */
  maxBodyBytes: number;
  /** Requests per minute per client address (0 = unlimited). */
  rateLimitPerMinute: number;
  /** Wall time for one request, ms. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 50_000,
  maxTokens: 2000,
  maxDirectives: 20,
  maxBodyBytes: 100_000,
  rateLimitPerMinute: 600,
  timeoutMs: 10_000,
};

/** Apollo options (validation rules, plugins) that enforce the query-shape limits. */
export function armorProtection(limits: ApiLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true },
    // Armor's token plugin re-parses in parsingDidStart and turns any syntax error into an
    // unexpected failure (HTTP 500); graphql-js's own parse option (server.ts) is used instead.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    // Field suggestions help people writing queries in the IDE; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
