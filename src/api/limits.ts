// Limits on what one request may ask for. The query-shape limits are
// graphql-armor's validation rules (armor.ts); the HTTP ones are enforced in
// http.ts. Kept free of imports so that the CLI can show them in --help cheaply.

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
