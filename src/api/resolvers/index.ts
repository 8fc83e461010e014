// The resolver map: one module per root area, merged here with the scalars.
import { DateScalar, JSONObjectScalar } from "../scalars.js";
import { announcementResolvers } from "./announcements.js";
import { documentResolvers } from "./documents.js";
import { entityResolvers } from "./entity.js";
import { pathResolvers } from "./path.js";
import { relationshipResolvers } from "./shared.js";
import { statsResolvers } from "./stats.js";
import { zoneResolvers } from "./zones.js";

export const resolvers = {
  Date: DateScalar,
  JSONObject: JSONObjectScalar,
  Query: {
    ...entityResolvers.Query,
    ...announcementResolvers.Query,
    ...zoneResolvers.Query,
    ...pathResolvers.Query,
    ...statsResolvers.Query,
    ...documentResolvers.Query,
  },
  Entity: entityResolvers.Entity,
  Announcement: announcementResolvers.Announcement,
  ZoneIndustry: zoneResolvers.ZoneIndustry,
  PathElement: pathResolvers.PathElement,
  Relationship: relationshipResolvers.Relationship,
  Document: documentResolvers.Document,
  Evidence: documentResolvers.Evidence,
  Mention: documentResolvers.Mention,
};
