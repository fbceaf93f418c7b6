import type { SetUnitStatusBody, Unit } from "@onemap/shared";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** PUT /api/units/:id/status — on patrol, busy, off duty, out of service (with the version the board saw) */
const setUnitStatus = ({ unitId, ...body }: { unitId: string } & SetUnitStatusBody) =>
  api<Unit>(`/api/units/${encodeURIComponent(unitId)}/status`, { method: "PUT", body });
export const useSetUnitStatus = () => useMutation({ mutationFn: setUnitStatus });
