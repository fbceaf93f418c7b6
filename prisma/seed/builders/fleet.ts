// A unit's rows: the unit at its first position, its crew (the leader first) and its phone
// (OsmAnd / Traccar Client; tokens are issued separately).
import type { LatLon } from "@onemap/domain";
import type { UnitKind } from "@onemap/shared";
import type { Prisma } from "../../src/index";
import type { Rng } from "../rng";
import type { OfficerRow } from "./officers";

export interface UnitPlan {
  id: string;
  callsign: string;
  kind: UnitKind;
  homeStationId: string;
  gridId: string | null;
  members: readonly OfficerRow[];
  reinforcementGroupId?: string;
  at: LatLon;
}

export interface Fleet {
  units: Prisma.UnitCreateManyInput[];
  unitMembers: Prisma.UnitMemberCreateManyInput[];
  devices: Prisma.DeviceCreateManyInput[];
}

/** An empty fleet and the way to add a unit to it; every unit's first fix is at `fixAt`. */
export function startFleet(rng: Rng, fixAt: Date): { fleet: Fleet; add(plan: UnitPlan): void } {
  const fleet: Fleet = { units: [], unitMembers: [], devices: [] };
  const add = (u: UnitPlan) => {
    fleet.units.push({
      id: u.id,
      callsign: u.callsign,
      kind: u.kind,
      status: "AVAILABLE",
      homeStationId: u.homeStationId,
      gridId: u.gridId,
      leaderId: u.members[0]?.id ?? null,
      reinforcementGroupId: u.reinforcementGroupId ?? null,
      lastLat: u.at.lat,
      lastLon: u.at.lon,
      lastSpeed: 0,
      lastHeading: rng.int(0, 359),
      lastFixAt: fixAt,
    });
    for (const m of u.members) fleet.unitMembers.push({ unitId: u.id, officerId: m.id });
    const number = String(fleet.units.length).padStart(11, "0");
    fleet.devices.push({ id: `dv-${u.id}`, unitId: u.id, protocol: "osmand", identifier: `8610${number}` });
  };
  return { fleet, add };
}
