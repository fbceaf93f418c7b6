import type { AuditGroup, AuditPage } from "@onemap/shared";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";

/** what the audit page filters by: the query string of both the list and the export */
export interface AuditFilters {
  group?: AuditGroup;
  action?: string;
  actor?: string;
  /** China dates (YYYY-MM-DD), both days included */
  fromDay?: string;
  toDay?: string;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** the filters as AuditQuery's parameters; days run midnight to midnight in China */
export function auditSearch(f: AuditFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.group) q.set("group", f.group);
  if (f.action) q.set("action", f.action);
  if (f.actor?.trim()) q.set("actor", f.actor.trim());
  if (f.fromDay) q.set("from", `${f.fromDay}T00:00:00+08:00`);
  if (f.toDay) q.set("to", `${nextDay(f.toDay)}T00:00:00+08:00`);
  return q;
}

/** GET /api/audit — one page, newest first; `before` is the last id of the page before */
export function useAuditPage(filters: AuditFilters, before: string | undefined, limit: number) {
  const q = auditSearch(filters);
  if (before) q.set("before", before);
  q.set("limit", String(limit));
  const search = q.toString();
  return useQuery({
    queryKey: ["admin", "audit", search],
    queryFn: () => api<AuditPage>(`/api/audit?${search}`),
    placeholderData: keepPreviousData,
  });
}
