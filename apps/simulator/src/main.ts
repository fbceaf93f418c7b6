// `npm start -w @onemap/simulator -- --units 2000 --interval 1000` (see --help)
import { parseOptions, type SimulatorOptions } from "./args";
import { runSimulator } from "./simulator";

let options: SimulatorOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`simulator: ${(error as Error).message} (--help lists the options)`);
  process.exit(2);
}
const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());
try {
  const summary = await runSimulator(options, controller.signal);
  console.log(`SIMULATOR_SUMMARY ${JSON.stringify(summary)}`);
} catch (error) {
  console.error(`simulator: ${(error as Error).message}`);
  process.exit(1);
}
