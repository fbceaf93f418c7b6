import type { Me } from "@onemap/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../../api/client";

/** GET /api/auth/me — null when not signed in */
export const meQuery = queryOptions({
  queryKey: ["me"],
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
