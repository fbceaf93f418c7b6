// What the board's api() leaves out and the administrators' lists need: the X-Total-Count of a page,
// and a refusal's params (a station still held names each kind that holds it, said in the board's
// language here). Same request, same words for a refusal as api() (the server's code, in i18n).
import type { ErrorBody } from "@onemap/shared";
import { ApiError, api } from "../../../api/client";
import { i18n } from "../../../i18n";
import { isErrorCode, type RefusalBody, refusalMessage } from "../../../i18n/refusals";

/** a refusal with the facts it named (ApiError keeps its words, not its params) */
export class Refusal extends ApiError {
  constructor(
    status: number,
    message: string,
    body: RefusalBody | null,
    readonly params: NonNullable<ErrorBody["params"]> = body?.params ?? {},
  ) {
    super(status, message, body?.issues ?? [], isErrorCode(body?.code) ? body.code : undefined);
  }
}

async function send(path: string, method: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body !== undefined ? { "content-type": "application/json" } : {},
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, i18n.t("errors.network"));
  }
  if (res.ok) return res;
  // a 401 or anything api() knows how to say: let api() say it the same way (and end the session)
  const text = await res.text();
  let parsed: RefusalBody | null = null;
  try {
    parsed = text ? (JSON.parse(text) as RefusalBody) : null;
  } catch {
    parsed = null;
  }
  if (res.status === 401) await api(path, { method, ...(body !== undefined ? { body } : {}) });
  throw new Refusal(res.status, refusalMessage(parsed, res.status, res.statusText), parsed);
}

export interface Page<T> {
  rows: T[];
  total: number;
}

/** GET a page of a list: its rows and the count of every match (X-Total-Count) */
export async function fetchPage<T>(path: string): Promise<Page<T>> {
  const res = await send(path, "GET");
  const rows = (await res.json()) as T[];
  return { rows, total: Number(res.headers.get("x-total-count") ?? rows.length) };
}

/** DELETE: erased (204) or retired because history points to it (200 { retired: true }) */
export async function remove(path: string): Promise<{ retired: boolean }> {
  const res = await send(path, "DELETE");
  if (res.status === 204) return { retired: false };
  const body = (await res.json()) as { retired?: boolean };
  return { retired: body.retired === true };
}

/** the query string of a list page: empty values left out */
export function listQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}
