import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { ui } from "../../../ui/store";
import { forgetSession } from "./me";

/** POST /api/auth/logout */
const logout = () => api<{ ok: true }>("/api/auth/logout", { method: "POST" });
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // signing out on purpose: nothing typed stays for the next person at this desk
      ui.clearDraft();
      forgetSession(client);
    },
  });
}
