// The map of zones, their industries and their regions
// Zones drawn with the industries they focus on and the regions they lie in: industries that several zones share stand out as hubs. Click a node for its properties, double-click to expand it.
MATCH p = (zone:Zone)-[:FOCUSES_ON]->(industry:Industry)
OPTIONAL MATCH q = (zone)-[:LOCATED_IN]->(region:Region)
RETURN p, q
LIMIT 300
