import type { Me } from "@onemap/shared";
import { partialMatchKey, type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../../api/client";

export const meKeys = { all: ["me"] as const };

/** GET /api/auth/me — null when not signed in */
export const meQuery = queryOptions({
  queryKey: meKeys.all,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>("/api/auth/me");
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
});
export const useMe = () => useQuery(meQuery);

/** The session has ended (signed out, or refused): nobody is signed in, and nothing of theirs stays cached. */
export function forgetSession(client: QueryClient) {
  client.setQueryData(meQuery.queryKey, null);
  client.removeQueries({ predicate: (q) => !partialMatchKey(q.queryKey, meKeys.all) });
}
