// A small keep-alive HTTP client: a load generator must not spend its CPU on connection set-up.
import http from "node:http";

/** how the simulator names itself (the API logs its requests at debug, like a device's) */
const SIMULATOR_USER_AGENT = "onemap-simulator";

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  cookie = "";

  constructor(base: string, maxSockets: number) {
    this.url = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: string, contentType?: string, extra: Record<string, string> = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      // the API logs the simulator's traffic like a device's: at debug
      const headers: http.OutgoingHttpHeaders = { "user-agent": SIMULATOR_USER_AGENT, ...extra };
      if (this.cookie) headers.cookie = this.cookie;
      if (body !== undefined) {
        headers["content-type"] = contentType ?? "application/json";
        headers["content-length"] = Buffer.byteLength(body);
      }
      const req = http.request({ host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
        res.on("error", reject);
      });
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
