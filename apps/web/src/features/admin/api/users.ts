import type {
  CreateUserBody,
  PatchUserBody,
  ResetPasswordResult,
  RetiredResult,
  Role,
  UserAccount,
  UserActionResult,
} from "@onemap/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";

export interface UsersFilter {
  q?: string;
  role?: Role;
  station?: string;
  retired?: boolean;
  /** `field` or `-field` */
  sort?: string;
}

const usersKey = ["admin", "users"] as const;
const at = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/**
 * GET /api/users — one page and the count of every match (X-Total-Count). A refusal is read again
 * through api(), which says it in the board's language (and ends the session on a 401).
 */
async function fetchUsers(search: string): Promise<{ rows: UserAccount[]; total: number }> {
  const path = `/api/users?${search}`;
  const res = await fetch(path, { credentials: "same-origin" });
  if (!res.ok) await api(path);
  const rows = (await res.json()) as UserAccount[];
  return { rows, total: Number(res.headers.get("x-total-count") ?? rows.length) };
}

export function useUsers(filter: UsersFilter, page: number, pageSize: number) {
  const q = new URLSearchParams();
  if (filter.q?.trim()) q.set("q", filter.q.trim());
  if (filter.role) q.set("role", filter.role);
  if (filter.station) q.set("station", filter.station);
  if (filter.retired) q.set("retired", "true");
  if (filter.sort) q.set("sort", filter.sort);
  q.set("limit", String(pageSize));
  q.set("offset", String((page - 1) * pageSize));
  const search = q.toString();
  return useQuery({ queryKey: [...usersKey, search], queryFn: () => fetchUsers(search), placeholderData: keepPreviousData });
}

/** DELETE answers 204 when erased, 200 RetiredResult when history kept the account */
async function removeUser(id: string): Promise<{ retired: boolean }> {
  const outcome = await api<RetiredResult | null>(at(id), { method: "DELETE" });
  return { retired: outcome?.retired === true };
}

/** create, change, remove, reset, unlock, revoke: the list is read again after each */
export function useUserChanges() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: usersKey });
  return {
    create: useMutation({ mutationFn: (body: CreateUserBody) => api<UserAccount>("/api/users", { method: "POST", body }), onSuccess }),
    patch: useMutation({
      mutationFn: ({ id, body }: { id: string; body: PatchUserBody }) => api<UserAccount>(at(id), { method: "PATCH", body }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: removeUser, onSuccess }),
    reset: useMutation({
      mutationFn: (id: string) => api<ResetPasswordResult>(`${at(id)}/reset-password`, { method: "POST" }),
      onSuccess,
    }),
    unlock: useMutation({ mutationFn: (id: string) => api<UserActionResult>(`${at(id)}/unlock`, { method: "POST" }), onSuccess }),
    revoke: useMutation({ mutationFn: (id: string) => api<UserActionResult>(`${at(id)}/revoke-sessions`, { method: "POST" }), onSuccess }),
  };
}
