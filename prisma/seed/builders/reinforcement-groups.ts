// The three reinforcement groups (DESIGN §3), each activated from a response tier up.
import type { ReinforcementGroupKind, ResponseTier } from "@onemap/shared";
import type { Prisma } from "../../src/index";

const GROUPS: readonly { kind: ReinforcementGroupKind; name: string; activatesAtTier: ResponseTier }[] = [
  { kind: "RAPID_REACTION", name: "快速反应分队", activatesAtTier: "LEVEL_III" },
  { kind: "SWAT_ASSAULT", name: "特巡警突击队", activatesAtTier: "LEVEL_II" },
  { kind: "HQ_RESERVE", name: "机关应急处突预备队", activatesAtTier: "LEVEL_I" },
];

export const groupId = (kind: ReinforcementGroupKind) => `rg-${kind.toLowerCase().replace("_", "-")}`;

export function buildReinforcementGroups(): Prisma.ReinforcementGroupCreateManyInput[] {
  return GROUPS.map((g) => ({ id: groupId(g.kind), kind: g.kind, name: g.name, activatesAtTier: g.activatesAtTier }));
}
