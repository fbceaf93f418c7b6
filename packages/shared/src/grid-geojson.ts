// The county's grids as GeoJSON (issue 12): exported as a FeatureCollection whose features carry the
// workbook's grid columns as properties; imported the same way, each feature upserted by its code.
import { z } from "zod";
import { CountyGridRow } from "./county";
import { Grid, GridGapWarning, GridWarning } from "./resources";

/** a grid as one GeoJSON feature: the workbook's grid row, its polygon as the geometry */
export const GridFeature = z.object({
  type: z.literal("Feature"),
  properties: CountyGridRow.pick({ code: true, name: true, stationCode: true, ownerBadgeNo: true }).partial({ ownerBadgeNo: true }),
  geometry: CountyGridRow.shape.polygon,
});
export type GridFeature = z.infer<typeof GridFeature>;

/** GET /api/grids/geojson: every grid in service, by code */
export const GridsGeoJson = z.object({ type: z.literal("FeatureCollection"), features: z.array(GridFeature) });
export type GridsGeoJson = z.infer<typeof GridsGeoJson>;

/** the most features one import takes */
export const GRIDS_IMPORT_MAX = 2000;

/**
 * POST /api/grids/geojson: a FeatureCollection; each feature is checked on its own (GridFeature, then
 * its station, owner and code against the county) so every bad one is named, and nothing is written
 * while any is bad
 */
export const GridsGeoJsonImport = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()).min(1).max(GRIDS_IMPORT_MAX),
});
export type GridsGeoJsonImport = z.infer<typeof GridsGeoJsonImport>;

/** what an import did: each grid it created or changed with its overlaps, and the county's gaps after it */
export const GridsImportResult = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  grids: z.array(Grid.extend({ warnings: z.array(GridWarning) })),
  gaps: z.array(GridGapWarning),
});
export type GridsImportResult = z.infer<typeof GridsImportResult>;
