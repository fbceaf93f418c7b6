// A page of a server list and the count of every match (the X-Total-Count header), with the same refusals
// as the board's one HTTP helper (api/client): the admin lists page, filter and sort on the server.
import { ApiError, api } from "../../../api/client";
import { i18n } from "../../../i18n";
import { isErrorCode, type RefusalBody, refusalMessage } from "../../../i18n/refusals";

export interface ListPage<T> {
  rows: T[];
  total: number;
}

export async function listPage<T>(path: string): Promise<ListPage<T>> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, i18n.t("errors.network"));
  }
  if (!res.ok) {
    // the one helper says it (and sends a 401 back to sign-in): read the refusal again through it
    if (res.status === 401) return api<never>(path);
    const body = (await res.json().catch(() => null)) as RefusalBody | null;
    throw new ApiError(
      res.status,
      refusalMessage(body, res.status, res.statusText),
      body?.issues ?? [],
      isErrorCode(body?.code) ? body.code : undefined,
    );
  }
  const rows = (await res.json()) as T[];
  return { rows, total: Number(res.headers.get("x-total-count") ?? rows.length) };
}

/** `?a=1&b=2` from the values set (an empty string or undefined is left out) */
export function query(values: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}
