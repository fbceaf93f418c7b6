// npm run county:export -- county.xlsx
// Writes the configured database's county (stations, grids, officers, units with crews, cameras,
// reinforcement groups, devices without tokens) to one workbook, as GET /api/county/export does.
import { writeFileSync } from "node:fs";
import { fileArgument, withCountyService } from "./county-database";

const file = fileArgument("usage: npm run county:export -- <county.xlsx>", false);
writeFileSync(file, await withCountyService((county) => county.exportWorkbook()));
console.log(`county written to ${file}`);
