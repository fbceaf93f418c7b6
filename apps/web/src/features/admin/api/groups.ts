// 增援力量: the groups, their units (GET /api/units?group=), the unit picker (searched on the server) and
// the changes. A unit stores its group: joining or leaving is PATCH /api/units/:id { reinforcementGroup,
// version } (409 changed_meanwhile if it changed since it was read).
import type {
  CreateReinforcementGroupBody,
  PatchReinforcementGroupBody,
  ReinforcementGroup,
  ReinforcementGroupKind,
  Unit,
} from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { listPage as fetchPage, query as listQuery } from "./list-page";

const groupsKey = ["admin", "groups"] as const;

/** GET /api/reinforcement-groups (each with its count of units in service) */
export const useGroups = () => useQuery({ queryKey: groupsKey, queryFn: () => api<ReinforcementGroup[]>("/api/reinforcement-groups") });

/** GET /api/units?group=KIND — a page of a group's units */
export function useGroupUnits(kind: ReinforcementGroupKind | undefined, page: number, pageSize: number) {
  const search = listQuery({ group: kind, sort: "callsign", limit: pageSize, offset: (page - 1) * pageSize });
  return useQuery({
    queryKey: [...groupsKey, "units", search],
    queryFn: () => fetchPage<Unit>(`/api/units?${search}`),
    enabled: kind !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/units?q= — the picker's matches (nothing asked until something is typed) */
export function useUnitSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["admin", "unit-search", term],
    queryFn: () => fetchPage<Unit>(`/api/units?${listQuery({ q: term, sort: "callsign", limit: 20 })}`),
    enabled: term.length > 0,
    staleTime: 10_000,
  });
}

export function useGroupChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: groupsKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateReinforcementGroupBody) => api<ReinforcementGroup>("/api/reinforcement-groups", { method: "POST", body }),
      onSuccess: refresh,
    }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchReinforcementGroupBody }) =>
        api<ReinforcementGroup>(`/api/reinforcement-groups/${encodeURIComponent(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<null>(`/api/reinforcement-groups/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
    /** a unit joins (kind) or leaves (null) a group, as the version read */
    setUnitGroup: useMutation({
      mutationFn: ({ unit, kind }: { unit: Unit; kind: ReinforcementGroupKind | null }) =>
        api<Unit>(`/api/units/${encodeURIComponent(unit.id)}`, {
          method: "PATCH",
          body: { reinforcementGroup: kind, version: unit.version },
        }),
      onSuccess: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: ["admin", "unit-search"] })]),
    }),
  };
}
