// A new account, or an account's name, role and station: checked with the shared schemas before it is
// sent (CreateUserBody, PatchUserBody), the server's refusals after, each beside its field in the
// board's language. Only a station chief is bound to a station: the field shows for that role alone.
import { CreateUserBody, PatchUserBody, Role, type UserAccount } from "@onemap/shared";
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { useUserChanges } from "../api/users";

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  stationId?: string;
}
const FIELDS = ["username", "displayName", "password", "role", "stationId"] as const;

/** the first issue of each field, in the board's language */
function issuesOf(
  schema: z.ZodType,
  body: Record<string, unknown>,
): { ok: true; data: unknown } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    // a rule of the schema's own (a chief needs a station) says more than "required"
    errors[key] ??= issueMessage(issue as never, issue.code !== "custom" && (body[key] === undefined || body[key] === ""));
  }
  return { ok: false, errors };
}

export function UserForm({
  user,
  stations,
  onClose,
}: {
  /** null: a new account */
  user: UserAccount | null;
  stations: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const changes = useUserChanges();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form);
  const pending = changes.create.isPending || changes.patch.isPending;

  const show = (errors: Record<string, string>) => {
    form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));
    return FIELDS.some((f) => errors[f]);
  };
  const refused = (error: unknown) => {
    if (!show(fieldIssues(error))) message.error(error instanceof Error ? error.message : String(error));
  };

  const submit = () => {
    const v = form.getFieldsValue();
    const stationId = v.role === "STATION_CHIEF" ? v.stationId : undefined;
    if (!user) {
      const body = {
        username: v.username ?? "",
        displayName: v.displayName ?? "",
        password: v.password ?? "",
        role: v.role,
        ...(stationId ? { stationId } : {}),
      };
      const checked = issuesOf(CreateUserBody, body);
      if (!checked.ok) return show(checked.errors);
      show({});
      changes.create.mutate(checked.data as CreateUserBody, {
        onSuccess: (created) => {
          message.success(t("users.created", { username: created.username }));
          onClose();
        },
        onError: refused,
      });
      return;
    }
    const body: Record<string, unknown> = {};
    if ((v.displayName ?? "").trim() !== user.displayName) body.displayName = v.displayName ?? "";
    if (v.role !== user.role) body.role = v.role;
    if (v.role === "STATION_CHIEF" ? stationId !== (user.stationId ?? undefined) : false) body.stationId = stationId ?? null;
    if (Object.keys(body).length === 0) return onClose();
    const checked = issuesOf(PatchUserBody, body);
    if (!checked.ok) return show(checked.errors);
    show({});
    changes.patch.mutate(
      { id: user.id, body: checked.data as PatchUserBody },
      {
        onSuccess: (saved) => {
          message.success(t("users.saved", { username: saved.username }));
          onClose();
        },
        onError: refused,
      },
    );
  };

  return (
    <Modal
      open
      title={user ? t("users.editTitle", { username: user.username }) : t("users.createTitle")}
      okText={t("users.save")}
      cancelText={t("users.cancel")}
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      okButtonProps={{ "data-testid": "user-save" }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="user-form"
        initialValues={
          user ? { displayName: user.displayName, role: user.role, stationId: user.stationId ?? undefined } : { role: "OPERATOR" }
        }
      >
        {!user && (
          <Form.Item name="username" label={t("users.fields.username")} extra={t("users.fields.usernameHint")}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("users.fields.displayName")}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t("users.fields.password")} extra={t("users.fields.passwordHint")}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t("users.fields.role")}>
          <Select
            data-testid="user-role"
            options={Role.options.map((r) => ({ value: r, label: tb(`roles.${r}`) }))}
            onChange={(r) => r !== "STATION_CHIEF" && form.setFieldValue("stationId", undefined)}
          />
        </Form.Item>
        {role === "STATION_CHIEF" && (
          <Form.Item name="stationId" label={t("users.fields.station")} extra={t("users.fields.stationHint")}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              data-testid="user-station"
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        {user && <Alert type="info" showIcon title={t("users.sessionsEnd")} />}
      </Form>
    </Modal>
  );
}
