import { type AuditFilters, auditSearch } from "./audit";

/** GET /api/audit/export — the same filters, as an .xlsx the browser downloads (the session cookie goes along) */
export const auditExportUrl = (filters: AuditFilters) => `/api/audit/export?${auditSearch(filters).toString()}`;
