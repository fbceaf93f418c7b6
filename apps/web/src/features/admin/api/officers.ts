// 警员: a page of officers (of a station, or by badge number or name) from the server, and their changes.
import type { CreateOfficerBody, Officer, PatchOfficerBody } from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { listPage as fetchPage, query as listQuery } from "./list-page";
import { remove } from "./paged";
import type { ListState } from "./stations";

const officersKey = ["admin", "officer-list"] as const;

/** GET /api/officers?station&q&sort&limit&offset — one page and the count of every match */
export function useOfficerPage({ station, q, sort, page, pageSize }: ListState & { station: string | undefined }) {
  const search = listQuery({ station, q: q.trim(), sort, limit: pageSize, offset: (page - 1) * pageSize });
  return useQuery({
    queryKey: [...officersKey, search],
    queryFn: () => fetchPage<Officer>(`/api/officers?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** POST / PATCH / DELETE /api/officers */
export function useOfficerChanges() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: officersKey });
  return {
    create: useMutation({
      mutationFn: (body: CreateOfficerBody) => api<Officer>("/api/officers", { method: "POST", body }),
      onSuccess: refresh,
    }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchOfficerBody }) =>
        api<Officer>(`/api/officers/${encodeURIComponent(id)}`, { method: "PATCH", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => remove(`/api/officers/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
}
