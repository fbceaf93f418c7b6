// npm run county:import -- county.xlsx
// Imports a county workbook (GET /api/county/template, filled in) into the configured database: every
// row is checked first; with any problem nothing is written, the problems are listed and the exit
// status is 1. A server running meanwhile sees new grids within a minute (its grid cache's refresh).
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { fileArgument, withCountyService } from "./county-database";

const file = fileArgument("usage: npm run county:import -- <county.xlsx>", true);
const outcome = await withCountyService((county) =>
  county.importWorkbook(readFileSync(file), { actor: { userId: null, username: `cli:${userInfo().username}`.slice(0, 64) }, ip: null }),
);
if (outcome.ok) {
  console.table(outcome.result);
} else {
  console.error(`${file}: ${outcome.message}`);
  if (outcome.issues.length > 0) console.table(outcome.issues.map(({ sheet, row, column, message }) => ({ sheet, row, column, message })));
  process.exitCode = 1;
}
