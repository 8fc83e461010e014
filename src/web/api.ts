// Every GraphQL document the explorer sends, and the plain shapes the rest of
// the page works with. When schema.graphql changes, this is the one file to edit.
import type { GraphQLClient } from "./graphql-client.js";

export interface EntityRef {
  id: string;
  label: string;
  name: string;
  /** Present where a query asks for them (to mark the names in evidence sentences). */
  aliases?: string[];
}

export interface EntityInfo extends EntityRef {
  aliases: string[];
  /** Number of distinct documents that mention it. */
  documentCount: number | null;
  pagerank: number | null;
  community: number | null;
}

export interface EvidenceItem {
  documentId: string;
  title: string | null;
  date: string | null;
  sentence: string;
  rule: string;
}

export interface RelationItem {
  type: string;
  direction: "OUT" | "IN";
  other: EntityRef;
  properties: Record<string, unknown>;
  evidence: EvidenceItem[];
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface AnnouncementItem {
  kind: string;
  speaker: EntityRef;
  what: EntityRef;
  date: string | null;
  document: { id: string; title: string | null; date: string | null } | null;
  evidence: EvidenceItem[];
}

export interface ZoneIndustryItem {
  zone: EntityRef;
  industry: EntityRef;
  metric: string | null;
  evidence: EvidenceItem[];
}

export interface GraphStats {
  entities: number;
  relations: number;
  documents: number | null;
}

const EVIDENCE = `evidence { documentId title date sentence rule }`;
const REF = `id label name aliases`;

interface RawConnection<E> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: E[];
}

interface Connection<N> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: N }[];
}

interface RawEntity extends EntityRef {
  aliases: string[];
  documentCount: number | null;
  pagerank: number | null;
  community: number | null;
}

function page<N, T>(connection: Connection<N>, map: (node: N) => T): Page<T> {
  return {
    items: connection.edges.map((edge) => map(edge.node)),
    totalCount: connection.totalCount,
    endCursor: connection.pageInfo.endCursor,
    hasNextPage: connection.pageInfo.hasNextPage,
  };
}

function entity(raw: RawEntity): EntityInfo {
  return {
    id: raw.id,
    label: raw.label,
    name: raw.name,
    aliases: raw.aliases ?? [],
    documentCount: raw.documentCount ?? null,
    pagerank: raw.pagerank ?? null,
    community: raw.community ?? null,
  };
}

const ENTITY_FIELDS = `id label name aliases documentCount pagerank community`;

export class ExplorerApi {
  constructor(private readonly client: GraphQLClient) {}

  async search(text: string, first = 12, labels: string[] | null = null): Promise<Page<EntityInfo>> {
    const data = await this.client.request<{ search: Connection<RawEntity> }>(
      `query Search($text: String!, $labels: [Label!], $first: Int) {
        search(text: $text, labels: $labels, first: $first) {
          totalCount pageInfo { endCursor hasNextPage }
          edges { node { ${ENTITY_FIELDS} } }
        }
      }`,
      { text, labels, first },
    );
    return page(data.search, entity);
  }

  async entity(id: string): Promise<EntityInfo | null> {
    const data = await this.client.request<{ entity: RawEntity | null }>(
      `query Entity($id: ID) { entity(id: $id) { ${ENTITY_FIELDS} } }`,
      { id },
    );
    return data.entity ? entity(data.entity) : null;
  }

  async entityByName(name: string, label?: string): Promise<EntityInfo | null> {
    const data = await this.client.request<{ entity: RawEntity | null }>(
      `query EntityByName($name: String, $label: Label) { entity(name: $name, label: $label) { ${ENTITY_FIELDS} } }`,
      { name, label: label ?? null },
    );
    return data.entity ? entity(data.entity) : null;
  }

  async relations(
    id: string,
    types: string[] | null,
    first: number,
    after: string | null,
    direction: "OUT" | "IN" | "BOTH" = "BOTH",
  ): Promise<Page<RelationItem>> {
    type RawRelation = Omit<RelationItem, "other"> & { node: EntityRef };
    const data = await this.client.request<{ entity: { relations: RawConnection<RawRelation> } | null }>(
      `query Relations($id: ID, $types: [RelationType!], $direction: Direction, $first: Int, $after: String) {
        entity(id: $id) {
          relations(types: $types, direction: $direction, first: $first, after: $after) {
            totalCount pageInfo { endCursor hasNextPage }
            edges { type direction properties ${EVIDENCE} node { ${REF} } }
          }
        }
      }`,
      { id, types, direction, first, after },
    );
    if (!data.entity) return { items: [], totalCount: 0, endCursor: null, hasNextPage: false };
    const c = data.entity.relations;
    return {
      items: c.edges.map(({ node, ...rest }) => ({ ...rest, other: node })),
      totalCount: c.totalCount,
      endCursor: c.pageInfo.endCursor,
      hasNextPage: c.pageInfo.hasNextPage,
    };
  }

  async announcements(by: string, first = 30, after: string | null = null): Promise<Page<AnnouncementItem>> {
    const data = await this.client.request<{ announcements: Connection<AnnouncementItem> }>(
      `query Announcements($by: String, $first: Int, $after: String) {
        announcements(by: $by, first: $first, after: $after) {
          totalCount pageInfo { endCursor hasNextPage }
          edges { node { kind date speaker { ${REF} } what { ${REF} } document { id title date } ${EVIDENCE} } }
        }
      }`,
      { by, first, after },
    );
    return page(data.announcements, (a) => a);
  }

  /** The latest announcements, whoever made them (for the home page's "most active" list). */
  async announcementsAll(first = 100): Promise<Page<AnnouncementItem>> {
    const data = await this.client.request<{ announcements: Connection<AnnouncementItem> }>(
      `query LatestAnnouncements($first: Int) {
        announcements(first: $first) {
          totalCount pageInfo { endCursor hasNextPage }
          edges { node { kind date speaker { ${REF} } what { ${REF} } document { id title date } ${EVIDENCE} } }
        }
      }`,
      { first },
    );
    return page(data.announcements, (a) => a);
  }

  async zoneIndustries(
    filter: { zone?: string; industry?: string },
    first = 100,
    after: string | null = null,
  ): Promise<Page<ZoneIndustryItem>> {
    const data = await this.client.request<{ zoneIndustries: Connection<ZoneIndustryItem> }>(
      `query ZoneIndustries($zone: String, $industry: String, $first: Int, $after: String) {
        zoneIndustries(zone: $zone, industry: $industry, first: $first, after: $after) {
          totalCount pageInfo { endCursor hasNextPage }
          edges { node { zone { ${REF} } industry { ${REF} } metric ${EVIDENCE} } }
        }
      }`,
      { zone: filter.zone ?? null, industry: filter.industry ?? null, first, after },
    );
    return page(data.zoneIndustries, (z) => z);
  }

  async stats(): Promise<GraphStats> {
    const data = await this.client.request<{
      stats: { entities: number; relationships: number; documents: number };
    }>(`query Stats { stats { entities relationships documents } }`);
    return {
      entities: data.stats.entities,
      relations: data.stats.relationships,
      documents: data.stats.documents,
    };
  }
}
