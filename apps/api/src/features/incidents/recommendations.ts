// Available units ranked by ETA, with "where from, how many, who leads". Asked for on every incident a
// board opens, so it reads in one parallel round (the incident, the available units' moving parts,
// the roster, the station names — cached), ranks in @onemap/domain, then reads the crews of the
// units that make the list only (ADR 0007).
import { activatedGroups, COMMANDING_DUTY_ROLE, chinaDate, rankUnits, shiftAt } from "@onemap/domain";
import type { DutyRole, Recommendations } from "@onemap/shared";
import { type Actor, stationScope } from "../../actor";
import { NotFoundError } from "../../errors";
import type { IncidentRepository, OnDuty } from "./repository";

/** at most this many units are listed */
const LISTED = 50;
/** station names change a few times a year */
const STATION_NAMES_TTL_MS = 60_000;

/** who holds `role` in a roster */
export function holder(roster: readonly OnDuty[], role: DutyRole) {
  const d = roster.find((r) => r.role === role);
  return d ? { id: d.id, name: d.name, title: d.title, phone: d.phone } : null;
}

export function createRecommendationService({
  repository,
  now = () => new Date(),
}: {
  repository: Pick<IncidentRepository, "incidentToRank" | "availableUnits" | "roster" | "stationNames" | "crews">;
  now?: () => Date;
}) {
  let stationCache: { at: number; names: Promise<Map<string, string>> } | null = null;
  function stationNames(): Promise<Map<string, string>> {
    if (!stationCache || Date.now() - stationCache.at > STATION_NAMES_TTL_MS) {
      const names = repository.stationNames();
      stationCache = { at: Date.now(), names };
      names.catch(() => {
        stationCache = null;
      });
    }
    return stationCache.names;
  }

  return {
    async recommend(actor: Actor, id: string): Promise<Recommendations> {
      const scope = stationScope(actor);
      const at = now();
      const [incident, available, roster, stations] = await Promise.all([
        repository.incidentToRank(scope, id),
        repository.availableUnits(scope),
        repository.roster(chinaDate(at), shiftAt(at)),
        stationNames(),
      ]);
      if (!incident) throw new NotFoundError("incident");
      // reinforcement groups come in only once the tier activates them
      const groups = activatedGroups(incident.tier);
      const units = available.filter((u) => u.group === null || groups.includes(u.group));
      const commandingRole: DutyRole = incident.tier === "ROUTINE" ? "DUTY_LEADER" : COMMANDING_DUTY_ROLE[incident.tier];
      const ranked = rankUnits(incident, units, at);
      const top = ranked.slice(0, LISTED);
      const crews = new Map((await repository.crews(top.map((r) => r.unit.id))).map((c) => [c.id, c]));
      const stationName = (stationId: string) => stations.get(stationId) ?? stationId;

      const byStation = new Map<
        string,
        { stationId: string; stationName: string; within3km: number; within5km: number; within10km: number }
      >();
      for (const r of ranked) {
        if (r.distanceM > 10_000) continue;
        const s = byStation.get(r.unit.homeStationId) ?? {
          stationId: r.unit.homeStationId,
          stationName: stationName(r.unit.homeStationId),
          within3km: 0,
          within5km: 0,
          within10km: 0,
        };
        s.within10km++;
        if (r.distanceM <= 5000) s.within5km++;
        if (r.distanceM <= 3000) s.within3km++;
        byStation.set(r.unit.homeStationId, s);
      }
      const commanding = holder(roster, commandingRole);
      return {
        incidentId: id,
        tier: incident.tier,
        recommendations: top.map((r) => {
          const crew = crews.get(r.unit.id);
          return {
            unitId: r.unit.id,
            callsign: crew?.callsign ?? r.unit.id,
            kind: r.unit.kind,
            status: "AVAILABLE" as const,
            distanceM: r.distanceM,
            etaS: r.etaS,
            inGrid: r.inGrid,
            stale: r.stale,
            lastFixAgeS: r.lastFixAgeS,
            leader: crew?.leaderId
              ? { id: crew.leaderId, name: crew.leaderName ?? "", title: crew.leaderTitle, phone: crew.leaderPhone }
              : null,
            memberCount: crew?.members ?? 0,
            stationId: r.unit.homeStationId,
            stationName: stationName(r.unit.homeStationId),
            reinforcementGroup: r.unit.group,
          };
        }),
        byStation: [...byStation.values()].sort((a, b) => b.within3km - a.within3km || b.within10km - a.within10km),
        commandingLeader: commanding ? { role: commandingRole, officer: commanding } : null,
        commander: holder(roster, "COMMANDER"),
        activatedGroups: groups,
      };
    },
  };
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;
