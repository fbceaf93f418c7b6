// Sign-in: username and password; a refusal is said in the board's language (wrong credentials, or the
// back-off after repeated failures). A plain form (antd's Form would weigh on the first load).
import { Alert, Button, Input } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Panel } from "../../../ui/Panel";
import { useUi } from "../../../ui/store";
import { useLogin } from "../api/login";

export function SignIn({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const login = useLogin();
  const keptDraft = useUi((s) => s.draft !== null);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState({ username: false, password: false });

  function submit(e: FormEvent) {
    e.preventDefault();
    const now = { username: username.trim() === "", password: password === "" };
    setMissing(now);
    if (!now.username && !now.password) login.mutate({ username: username.trim(), password });
  }

  return (
    <div className="onemap-signin">
      <Panel style={{ width: 360 }}>
        <h3 className="onemap-title">{t("signIn.title")}</h3>
        {expired && keptDraft && (
          <Alert type="warning" showIcon title={t("signIn.expired")} style={{ marginBottom: 12 }} data-testid="expired" />
        )}
        <form onSubmit={submit} noValidate>
          <div className="onemap-field">
            <label htmlFor="signin-username">{t("signIn.username")}</label>
            <Input
              id="signin-username"
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              status={missing.username ? "error" : undefined}
              onChange={(e) => setUsername(e.target.value)}
            />
            {missing.username && <span className="onemap-field-error">{t("signIn.required", { field: t("signIn.username") })}</span>}
          </div>
          <div className="onemap-field">
            <label htmlFor="signin-password">{t("signIn.password")}</label>
            <Input.Password
              id="signin-password"
              name="password"
              autoComplete="current-password"
              value={password}
              status={missing.password ? "error" : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
            {missing.password && <span className="onemap-field-error">{t("signIn.required", { field: t("signIn.password") })}</span>}
          </div>
          {login.error && <Alert type="error" title={login.error.message} style={{ marginBottom: 12 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("signIn.submit")}
          </Button>
        </form>
      </Panel>
    </div>
  );
}
