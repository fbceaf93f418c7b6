// A form's body checked with the shared schema before it is sent, and the server's 400 after: both as
// field → words in the board's language, for antd's Form.setFields.
import type { FormInstance } from "antd";
import type { z } from "zod";
import { fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** the schema's verdict on the body: its data, or the first issue of each field */
export function check<S extends z.ZodType>(schema: S, body: Record<string, unknown>): Checked<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    errors[key] ??= issueMessage(issue as never, body[key] === undefined || body[key] === null);
  }
  return { ok: false, errors };
}

/** the errors shown beside their fields (every other field cleared); true when a field of the form shows one */
export function showErrors(form: FormInstance, fields: readonly string[], errors: Record<string, string>): boolean {
  form.setFields(fields.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));
  return fields.some((f) => errors[f]);
}

/** the server's refusal of a form: its field errors beside the fields, else its words for a message */
export function showRefusal(form: FormInstance, fields: readonly string[], error: unknown, say: (text: string) => void) {
  if (!showErrors(form, fields, fieldIssues(error))) say(error instanceof Error ? error.message : String(error));
}

/** only what differs from what was read: PATCH changes those */
export function changes<T extends Record<string, unknown>>(before: Record<string, unknown>, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)) as Partial<T>;
}

/** "" or nothing typed: null for a field that may be empty */
export const orNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v) : (v ?? null));
/** "" or nothing typed: absent, so the schema says it is required */
export const orAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : (v ?? undefined));
