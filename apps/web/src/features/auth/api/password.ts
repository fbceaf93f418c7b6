import type { ChangePasswordBody, Me } from "@onemap/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { meQuery } from "./me";

/** POST /api/auth/password — the answer is who is signed in, now without mustChangePassword */
const changePassword = (body: ChangePasswordBody) => api<Me>("/api/auth/password", { method: "POST", body });
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({ mutationFn: changePassword, onSuccess: (me) => client.setQueryData(meQuery.queryKey, me) });
}
