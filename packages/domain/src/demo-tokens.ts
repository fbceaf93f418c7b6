// The demo county's device tokens. Derived from the device identifier with a fixed, public key, so
// that the seed (which stores only their hashes) and the simulator (which reports with them) agree
// without sharing a file. The demo's sign-ins have the public password "onemap" for the same reason;
// a real county's devices get random tokens from an administrator (POST /api/units/:id/devices).
import { createHmac } from "node:crypto";

const DEMO_KEY = "onemap-demo-county-devices";

export function demoDeviceToken(identifier: string): string {
  return `demo-${createHmac("sha256", DEMO_KEY).update(identifier).digest("base64url").slice(0, 32)}`;
}
