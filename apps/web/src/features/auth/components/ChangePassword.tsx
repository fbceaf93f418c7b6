// The forced change after an administrator's reset: until a new password is chosen the server refuses
// everything else (403 password_change_required), so this is all the person sees. Checked with the
// shared ChangePasswordBody (and the repeat) first, the server's refusals after (a wrong current
// password, one too short or too easily guessed), each beside its field in the board's language.
import { ChangePasswordBody, FIELD_MESSAGES, type Me } from "@onemap/shared";
import { Alert, Button, Input } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { Panel } from "../../../ui/Panel";
import { useLogout } from "../api/logout";
import { useChangePassword } from "../api/password";

type Field = "currentPassword" | "newPassword" | "repeat";

export function ChangePassword({ me }: { me: Me }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const logout = useLogout();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: "", newPassword: "", repeat: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const found: Partial<Record<Field, string>> = {};
    const parsed = ChangePasswordBody.safeParse(body);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as Field;
        found[key] ??= issueMessage(issue as never, values[key] === "");
      }
    if (!found.newPassword && values.repeat !== values.newPassword)
      found.repeat = issueMessage({ message: FIELD_MESSAGES.passwords_differ }, values.repeat === "");
    setErrors(found);
    if (parsed.success && Object.keys(found).length === 0)
      change.mutate(parsed.data, { onError: (error) => setErrors(fieldIssues(error) as Partial<Record<Field, string>>) });
  }

  const field = (name: Field, label: string, autoComplete: string, extra?: string) => (
    <div className="onemap-field">
      <label htmlFor={`password-${name}`}>{label}</label>
      <Input.Password
        id={`password-${name}`}
        name={name}
        autoComplete={autoComplete}
        autoFocus={name === "currentPassword"}
        value={values[name]}
        status={errors[name] ? "error" : undefined}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        data-testid={`password-${name}`}
      />
      {errors[name] ? (
        <span className="onemap-field-error" data-testid={`password-${name}-error`}>
          {errors[name]}
        </span>
      ) : (
        extra && <span style={{ fontSize: 12, color: "#888" }}>{extra}</span>
      )}
    </div>
  );
  // a refusal that names no field of this form (a back-off, the network): said above the button
  const general = change.error && Object.keys(fieldIssues(change.error)).length === 0 ? change.error : null;

  return (
    <div className="onemap-signin" data-testid="change-password">
      <Panel style={{ width: 400 }}>
        <h3 className="onemap-title">{t("changePassword.title")}</h3>
        <Alert type="warning" showIcon title={t("changePassword.hint", { name: me.displayName })} style={{ marginBottom: 12 }} />
        <form onSubmit={submit} noValidate>
          {field("currentPassword", t("changePassword.current"), "current-password")}
          {field("newPassword", t("changePassword.next"), "new-password", t("changePassword.nextHint"))}
          {field("repeat", t("changePassword.repeat"), "new-password")}
          {general && (
            <Alert
              type="error"
              title={general instanceof ApiError ? general.message : String(general)}
              style={{ marginBottom: 12 }}
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
            {t("changePassword.submit")}
          </Button>
          <Button type="link" block onClick={() => logout.mutate()} style={{ marginTop: 4 }}>
            {t("changePassword.signOut")}
          </Button>
        </form>
      </Panel>
    </div>
  );
}
