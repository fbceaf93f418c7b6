import type { LoginBody, Me } from "@onemap/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { meQuery } from "./me";

/** POST /api/auth/login */
const login = (body: LoginBody) => api<Me>("/api/auth/login", { method: "POST", body });
export function useLogin() {
  const client = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: (me) => client.setQueryData(meQuery.queryKey, me) });
}
