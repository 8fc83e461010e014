// The export formats, apart from their writers so that the CLI can list them in --help cheaply.
export const EXPORT_FORMATS = ["json", "graphml", "gexf", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
