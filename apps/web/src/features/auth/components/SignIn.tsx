import { Alert, Button, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Panel } from "../../../ui/Panel";
import { useUi } from "../../../ui/store";
import { useLogin } from "../api/login";

export function SignIn({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const login = useLogin();
  const keptDraft = useUi((s) => s.draft !== null);
  return (
    <div className="onemap-signin">
      <Panel style={{ width: 360 }}>
        <Typography.Title level={3}>{t("signIn.title")}</Typography.Title>
        {expired && keptDraft && (
          <Alert type="warning" showIcon title={t("signIn.expired")} style={{ marginBottom: 12 }} data-testid="expired" />
        )}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => login.mutate(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("signIn.username")}
            rules={[{ required: true, message: t("signIn.required", { field: t("signIn.username") }) }]}
          >
            <Input name="username" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("signIn.password")}
            rules={[{ required: true, message: t("signIn.required", { field: t("signIn.password") }) }]}
          >
            <Input.Password name="password" autoComplete="current-password" />
          </Form.Item>
          {login.error && <Alert type="error" title={login.error.message} style={{ marginBottom: 12 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("signIn.submit")}
          </Button>
        </Form>
      </Panel>
    </div>
  );
}
