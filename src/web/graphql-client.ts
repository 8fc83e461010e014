// The page's only way to the data: POST /graphql. An API key, when the server
// wants one, comes from ?key= or localStorage and goes in a header.

export class GraphQLRequestError extends Error {
  override name = "GraphQLRequestError";
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

const KEY_STORAGE = "policygraph.apiKey";

/** Remembers a key typed by the user (the server answered 401). */
export function saveApiKey(key: string): void {
  localStorage.setItem(KEY_STORAGE, key);
}

export function apiKeyFromPage(): string | null {
  const fromUrl = new URLSearchParams(location.search).get("key");
  if (fromUrl) {
    localStorage.setItem(KEY_STORAGE, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(KEY_STORAGE);
}

export class GraphQLClient {
  constructor(
    private readonly endpoint = "/graphql",
    private readonly apiKey: string | null = null,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
    };
    if (this.apiKey) headers["x-api-key"] = this.apiKey;
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    if (response.status === 401)
      throw new GraphQLRequestError("This server needs an API key", ["UNAUTHENTICATED"]);
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new GraphQLRequestError(`The server answered ${response.status} ${response.statusText}`, []);
    }
    if (body.errors && body.errors.length > 0) {
      throw new GraphQLRequestError(
        body.errors.map((e) => e.message).join("; "),
        body.errors.map((e) => e.extensions?.code ?? "UNKNOWN"),
      );
    }
    if (!body.data) throw new GraphQLRequestError(`The server answered ${response.status} without data`, []);
    return body.data;
  }
}
