import { parseArgs } from "node:util";

export interface SimulatorOptions {
  base: string;
  username: string;
  password: string;
  /** drive at most this many units (the first N by callsign); 0: all */
  units: number;
  /** each unit reports this often (ms) */
  interval: number;
  protocol: "osmand" | "batch";
  /** fixes per request in batch mode */
  batch: number;
  /** requests in flight at most */
  concurrency: number;
  /** stop after this many seconds (0: run until stopped) */
  duration: number;
  /** print a progress line this often (s; 0: only the summary) */
  report: number;
  /** how long a dispatched unit stays on scene before it reports clear (s) */
  dwell: number;
  /** how often assignments are read from the API (ms; 0: never) */
  follow: number;
  seed: number;
  /**
   * how devices prove who they are: `demo` (the demo county's derivable tokens), `none` (a server with
   * DEVICE_AUTH=none); batch mode uses a gateway token (--gateway-token, or one it registers as admin)
   */
  tokens: "demo" | "none";
  gatewayToken: string | undefined;
}

const HELP = `onemap simulator — drives units through the public device APIs

  --base URL          onemap to drive (default http://127.0.0.1:3000)
  --username NAME     an administrator's sign-in: reads the units and their devices (default $SIMULATOR_USERNAME or admin)
  --password PASS     its password (default $SIMULATOR_PASSWORD or onemap)
  --units N           drive the first N units (default all)
  --interval MS       each unit reports every MS milliseconds (default 5000)
  --protocol P        osmand (one Traccar Client request per fix, default) or batch (gateway batches)
  --batch N           fixes per batch request (default 200)
  --concurrency N     requests in flight at most (default 64)
  --duration S        stop after S seconds (default: run until stopped)
  --report S          print progress every S seconds (default 10; 0 = only the summary)
  --dwell S           a dispatched unit stays on scene S seconds, then reports clear (default 120)
  --follow MS         read dispatches from the API every MS ms (default 3000; 0 = patrol only)
  --seed N            random seed (default 1)
  --tokens T          demo (the demo county's device tokens, default) or none (a server with DEVICE_AUTH=none)
  --gateway-token T   batch mode reports through this gateway (default: registers a gateway of its own)`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      units: { type: "string" },
      interval: { type: "string" },
      protocol: { type: "string" },
      batch: { type: "string" },
      concurrency: { type: "string" },
      duration: { type: "string" },
      report: { type: "string" },
      dwell: { type: "string" },
      follow: { type: "string" },
      seed: { type: "string" },
      tokens: { type: "string" },
      "gateway-token": { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${value}`);
    return n;
  };
  const protocol = values.protocol ?? "osmand";
  if (protocol !== "osmand" && protocol !== "batch") throw new Error(`--protocol must be osmand or batch, got ${protocol}`);
  const tokens = values.tokens ?? "demo";
  if (tokens !== "demo" && tokens !== "none") throw new Error(`--tokens must be demo or none, got ${tokens}`);
  return {
    base: (values.base ?? "http://127.0.0.1:3000").replace(/\/$/, ""),
    username: values.username ?? env.SIMULATOR_USERNAME ?? "admin",
    password: values.password ?? env.SIMULATOR_PASSWORD ?? "onemap",
    units: int("units", values.units, 0, 0),
    interval: int("interval", values.interval, 5000, 10),
    protocol,
    batch: int("batch", values.batch, 200, 1),
    concurrency: int("concurrency", values.concurrency, 64, 1),
    duration: int("duration", values.duration, 0, 0),
    report: int("report", values.report, 10, 0),
    dwell: int("dwell", values.dwell, 120, 0),
    follow: int("follow", values.follow, 3000, 0),
    seed: int("seed", values.seed, 1, 0),
    tokens: tokens === "none" ? "none" : "demo",
    gatewayToken: values["gateway-token"] ?? env.SIMULATOR_GATEWAY_TOKEN,
  };
}
