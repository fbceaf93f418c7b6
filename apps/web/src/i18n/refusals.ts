// The server's refusals and the shared schemas' field issues, in the board's language. A refusal names
// itself with a stable code (packages/shared ERROR_CODES); a field issue with `field:<key>` (a shared
// schema's own message) or zod's issue code and facts, said by zod's own locale for that language.
import type { ErrorBody, ErrorIssue } from "@onemap/shared";
import { ERROR_CODES, type ErrorCode, type FieldMessageKey, fieldMessageKey } from "@onemap/shared/vocabulary";
import { formatTime, i18n } from ".";

type LocaleError = (issue: never) => string | { message: string } | undefined | null;
/** zod's own words for its built-in checks, per language: registered by i18n/zod-locales.ts, which
 * comes with the incident form (the board's first load does without zod) */
const ZOD: Partial<Record<"zh-CN" | "en", LocaleError>> = {};
export function registerZodLocales(locales: Record<"zh-CN" | "en", LocaleError>) {
  Object.assign(ZOD, locales);
}
/** a code the board has words for (any other is the server's own words) */
export const isErrorCode = (code: string | undefined): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code ?? "");
/**
 * A refusal's body as it arrives, unparsed: its code may be one this board has no words for (a server
 * newer or older than the board), so it is checked with isErrorCode before it is trusted.
 */
export type RefusalBody = Partial<Omit<ErrorBody, "code">> & { code?: string };
const isFieldKey = (key: string): key is FieldMessageKey => i18n.exists(`fields.${key}`);

/** a status named in a refusal, in whichever vocabulary knows it (incident, then assignment, then unit) */
function statusLabel(status: string): string {
  for (const ns of ["incidentStatus", "assignmentStatus", "unitStatus"] as const)
    if (i18n.exists(`${ns}.${status}`)) return i18n.t(`${ns}.${status}` as "incidentStatus.NEW");
  return status;
}

/** The refusal in the board's language when it named itself, else the server's own words. */
export function refusalMessage(body: RefusalBody | null, status: number, fallback: string): string {
  const code = body?.code;
  if (isErrorCode(code)) {
    const params: Record<string, string | number> = { ...(body?.params ?? {}) };
    const p = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
    if (p("status")) params.statusLabel = statusLabel(p("status"));
    if (p("from")) params.fromLabel = statusLabel(p("from"));
    if (p("to")) params.toLabel = statusLabel(p("to"));
    if (p("tier")) params.tierLabel = i18n.t(`tiers.${p("tier")}` as "tiers.ROUTINE", { defaultValue: p("tier") });
    if (p("what")) params.whatLabel = i18n.t(`what.${p("what")}` as "what.incident", { defaultValue: p("what") });
    if (p("roles"))
      params.rolesLabel = p("roles")
        .split(",")
        .map((r) => i18n.t(`roles.${r}` as "roles.ADMIN", { defaultValue: r }))
        .join(i18n.language === "en" ? ", " : "、");
    // instants come as ISO strings: shown as this board's clock time
    if (p("at") && !Number.isNaN(Date.parse(p("at")))) params.at = formatTime(p("at"));
    // a bad request names its fields: the first one's words say more than "see the fields"
    if (code === "invalid_input" && body?.issues?.[0]) return issueMessage(body.issues[0]);
    return i18n.t(`errors.codes.${code}` as "errors.codes.conflict", params);
  }
  if (status === 429) return i18n.t("errors.tooMany");
  return body?.message ?? fallback;
}

/**
 * One field issue — from the server's 400 or a local parse with a shared schema — in the board's
 * language. `missing`: the field was left empty (a local parse cannot tell from the issue alone).
 */
export function issueMessage(issue: Pick<ErrorIssue, "message" | "code" | "params"> & Record<string, unknown>, missing = false): string {
  if (missing) return i18n.t("fields.required");
  const code = issue.code ?? "";
  const key = code.startsWith("field:") ? code.slice("field:".length) : fieldMessageKey(issue.message);
  if (key && isFieldKey(key)) return i18n.t(`fields.${key}`);
  if (isErrorCode(code)) return i18n.t(`errors.codes.${code}` as "errors.codes.conflict", { ...(issue.params ?? {}) });
  const facts = { ...(issue.params ?? {}), ...issue, code };
  const said = ZOD[i18n.language === "en" ? "en" : "zh-CN"]?.(facts as never);
  const text = typeof said === "string" ? said : said?.message;
  return text ?? issue.message;
}
