// A DELETE of an administered resource: erased (204) or retired (200), and when refused, the refusal's
// params, which api() leaves out (a station still held names each kind that holds it, said in the
// board's language by the page). Same words for a refusal as api() (the server's code, in i18n).
// A page of a list with its X-Total-Count: list-page.ts.
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

/** DELETE: erased (204) or retired because history points to it (200 { retired: true }) */
export async function remove(path: string): Promise<{ retired: boolean }> {
  const res = await send(path, "DELETE");
  if (res.status === 204) return { retired: false };
  const body = (await res.json()) as { retired?: boolean };
  return { retired: body.retired === true };
}
