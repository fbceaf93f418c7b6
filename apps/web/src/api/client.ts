// The board's one HTTP helper: same-origin, the session cookie, the server's message and field issues.
// A 401 on any call means the session has ended: the handler sends the user back to sign-in.
import type { ErrorIssue } from "@onemap/shared";
import type { ErrorCode } from "@onemap/shared/vocabulary";
import { i18n } from "../i18n";
import { isErrorCode, issueMessage, type RefusalBody, refusalMessage } from "../i18n/refusals";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** the fields the server refused, as `body.lat` → message (with the issue's code and facts) */
    readonly issues: ErrorIssue[] = [],
    /** the refusal's stable name, when the server gave one the board knows */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    throw new ApiError(0, i18n.t("errors.network"));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const body = json as RefusalBody | null;
    if (res.status === 401 && !path.startsWith("/api/auth/login")) onUnauthorized();
    throw new ApiError(
      res.status,
      refusalMessage(body, res.status, res.statusText),
      body?.issues ?? [],
      isErrorCode(body?.code) ? body.code : undefined,
    );
  }
  return json as T;
}

/** Field errors keyed by the form field, in the board's language: `body.callerPhone` → `callerPhone`. */
export function fieldIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^body\.?/, "").split(".")[0] ?? "";
    if (field && !out[field]) out[field] = issueMessage(issue);
  }
  return out;
}
