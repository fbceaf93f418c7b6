// 全县数据: the county workbook. The export and the template are plain downloads (same-origin links with
// the session cookie); the import posts one xlsx file and answers what it created and changed, or every
// issue found in the workbook (nothing written then).
import type { CountyImportResult, WorkbookIssue, WorkbookRefusal } from "@onemap/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../api/client";
import { i18n } from "../../../i18n";
import { refusalMessage } from "../../../i18n/refusals";

export const COUNTY_EXPORT_URL = "/api/county/export";
export const COUNTY_TEMPLATE_URL = "/api/county/template";

/** a refused workbook: the refusal's words and, for workbook_invalid, every issue found */
export class WorkbookRefused extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly workbookIssues: WorkbookIssue[],
  ) {
    super(status, message);
  }
}

async function importWorkbook(file: File): Promise<CountyImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch("/api/county/import", { method: "POST", credentials: "same-origin", body: form });
  } catch {
    throw new ApiError(0, i18n.t("errors.network"));
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return body as CountyImportResult;
  const refusal = body as WorkbookRefusal | null;
  throw new WorkbookRefused(res.status, refusalMessage(refusal, res.status, res.statusText), refusal?.workbookIssues ?? []);
}

/** POST /api/county/import — every list the admin pages read is stale after it */
export function useCountyImport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: importWorkbook, onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }) });
}
