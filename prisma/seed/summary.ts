// What the database holds after seeding, as the CLI and the server print it.
import type { DbClient } from "../src/index";

export interface SeedSummary {
  stations: number;
  policeStations: number;
  hqUnits: number;
  grids: number;
  officers: number;
  police: number;
  auxiliaries: number;
  units: number;
  cameras: Record<string, number>;
  reinforcementGroups: number;
  dutyShifts: number;
  users: string[];
  inserted: number;
}

export async function summarize(db: DbClient, inserted = 0): Promise<SeedSummary> {
  const [policeStations, hqUnits, grids, police, auxiliaries, units, cameraGroups, reinforcementGroups, dutyShifts, users] =
    await Promise.all([
      db.station.count({ where: { kind: "POLICE_STATION" } }),
      db.station.count({ where: { kind: "HQ_UNIT" } }),
      db.grid.count(),
      db.officer.count({ where: { auxiliary: false } }),
      db.officer.count({ where: { auxiliary: true } }),
      db.unit.count(),
      db.camera.groupBy({ by: ["kind"], _count: { _all: true } }),
      db.reinforcementGroup.count(),
      db.dutyShift.count(),
      db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } }),
    ]);
  const cameras: Record<string, number> = { total: 0 };
  for (const g of cameraGroups) {
    cameras[g.kind] = g._count._all;
    cameras.total = (cameras.total ?? 0) + g._count._all;
  }
  return {
    stations: policeStations + hqUnits,
    policeStations,
    hqUnits,
    grids,
    officers: police + auxiliaries,
    police,
    auxiliaries,
    units,
    cameras,
    reinforcementGroups,
    dutyShifts,
    users: users.map((u) => u.username),
    inserted,
  };
}

export function formatSummary(s: SeedSummary): string {
  return [
    `Peng'an demo county (蓬安县): ${s.inserted} rows inserted`,
    `  stations      ${s.policeStations} police stations + ${s.hqUnits} HQ units`,
    `  patrol grids  ${s.grids}`,
    `  officers      ${s.police} police + ${s.auxiliaries} auxiliaries`,
    `  units         ${s.units} (${s.reinforcementGroups} reinforcement groups)`,
    `  cameras       ${s.cameras.total} (天网 ${s.cameras.SKYNET ?? 0}, 治安卡口 ${s.cameras.SECURITY_CHECKPOINT ?? 0}, 交通卡口 ${s.cameras.TRAFFIC_CHECKPOINT ?? 0})`,
    `  duty roster   ${s.dutyShifts} entries`,
    `  sign-ins      ${s.users.length > 0 ? s.users.join(", ") : "(none)"}`,
  ].join("\n");
}
