// 用户管理: sign-in accounts a page at a time from the server — searched, filtered by role and station,
// sorted — each with what an administrator does to it: edit (name, role, station), disable or enable,
// lift a sign-in block, reset the password (the temporary one shown once), sign out everywhere,
// delete (retired when history names it). Refusals come in the board's language (api/client).
import type { ResetPasswordResult, Role, UserAccount } from "@onemap/shared";
import { Alert, App, Button, Checkbox, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../i18n";
import { useStations } from "../api/devices";
import { type UsersFilter, useUserChanges, useUsers } from "../api/users";
import { sortParam } from "./list-table";
import { UserForm } from "./UserForm";

const PAGE_SIZE = 20;
const ROLES: Role[] = ["OPERATOR", "DUTY_LEADER", "STATION_CHIEF", "ADMIN"];

export function UsersPage({ me }: { me: { id: string } }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<UsersFilter>({});
  const [page, setPage] = useState(1);
  const list = useUsers(filter, page, PAGE_SIZE);
  const stations = useStations();
  const policeStations = useMemo(
    () => (stations.data ?? []).filter((s) => s.kind === "POLICE_STATION").map((s) => ({ id: s.id, name: s.name })),
    [stations.data],
  );
  const stationName = (id: string | null) => (id ? (stations.data?.find((s) => s.id === id)?.name ?? id) : "");
  const changes = useUserChanges();
  const [editing, setEditing] = useState<UserAccount | "new" | null>(null);
  const [temporary, setTemporary] = useState<{ username: string; result: ResetPasswordResult } | null>(null);
  const refused = (error: unknown) => message.error(error instanceof Error ? error.message : String(error));
  const narrow = (next: Partial<UsersFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };

  const actions = (u: UserAccount) => {
    if (u.retiredAt) return null;
    const self = u.id === me.id;
    return (
      <Space wrap size={4}>
        <Button size="small" onClick={() => setEditing(u)} data-testid="user-edit">
          {t("users.edit")}
        </Button>
        {u.disabled ? (
          <Button
            size="small"
            onClick={() => changes.patch.mutateAsync({ id: u.id, body: { disabled: false } }).catch(refused)}
            data-testid="user-enable"
          >
            {t("users.enable")}
          </Button>
        ) : (
          !self && (
            <Popconfirm
              title={t("users.disableConfirm", { username: u.username })}
              okText={t("users.disable")}
              cancelText={t("users.cancel")}
              onConfirm={() => changes.patch.mutateAsync({ id: u.id, body: { disabled: true } }).catch(refused)}
            >
              <Button size="small" data-testid="user-disable">
                {t("users.disable")}
              </Button>
            </Popconfirm>
          )
        )}
        <Popconfirm
          title={t("users.resetConfirm", { username: u.username })}
          okText={t("users.reset")}
          cancelText={t("users.cancel")}
          onConfirm={() => changes.reset.mutateAsync(u.id).then((result) => setTemporary({ username: u.username, result }), refused)}
        >
          <Button size="small" data-testid="user-reset">
            {t("users.reset")}
          </Button>
        </Popconfirm>
        {u.backedOffUntil && (
          <Button
            size="small"
            data-testid="user-unlock"
            onClick={() =>
              changes.unlock
                .mutateAsync(u.id)
                .then((r) => message.success(t("users.unlocked", { username: u.username, count: r.count })), refused)
            }
          >
            {t("users.unlock")}
          </Button>
        )}
        {u.activeSessions > 0 && !self && (
          <Popconfirm
            title={t("users.revokeConfirm", { username: u.username })}
            okText={t("users.revoke")}
            cancelText={t("users.cancel")}
            onConfirm={() =>
              changes.revoke
                .mutateAsync(u.id)
                .then((r) => message.success(t("users.revoked", { username: u.username, count: r.count })), refused)
            }
          >
            <Button size="small" data-testid="user-revoke">
              {t("users.revoke")}
            </Button>
          </Popconfirm>
        )}
        {!self && (
          <Popconfirm
            title={t("users.removeConfirm", { username: u.username })}
            okText={t("users.remove")}
            okButtonProps={{ danger: true }}
            cancelText={t("users.cancel")}
            onConfirm={() =>
              changes.remove
                .mutateAsync(u.id)
                .then((r) => message.success(t(r.retired ? "users.retired" : "users.erased", { username: u.username })), refused)
            }
          >
            <Button size="small" danger data-testid="user-remove">
              {t("users.remove")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  return (
    <div data-testid="users-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("users.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("users.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("users.search")}
          aria-label={t("users.search")}
          style={{ width: 220 }}
          onSearch={(q) => narrow({ q })}
          data-testid="users-search"
        />
        <Select
          allowClear
          placeholder={t("users.allRoles")}
          aria-label={t("users.fields.role")}
          style={{ width: 160 }}
          value={filter.role}
          onChange={(role) => narrow({ role })}
          options={ROLES.map((r) => ({ value: r, label: tb(`roles.${r}`) }))}
          data-testid="users-role"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("users.allStations")}
          aria-label={t("users.fields.station")}
          style={{ width: 200 }}
          value={filter.station}
          onChange={(station) => narrow({ station })}
          options={policeStations.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="users-station"
        />
        <Checkbox checked={filter.retired === true} onChange={(e) => narrow({ retired: e.target.checked })}>
          {t("users.showRetired")}
        </Checkbox>
        <Button type="primary" onClick={() => setEditing("new")} data-testid="user-create">
          {t("users.create")}
        </Button>
      </Space>
      <Table<UserAccount>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        onRow={(u) => ({ "data-testid": "user-row", "data-username": u.username }) as React.HTMLAttributes<HTMLElement>}
        onChange={(_p, _f, sorter, { action }) => {
          // a page turned is the pagination's (below); only a new sort goes back to the first page
          if (action === "sort") narrow({ sort: sortParam(sorter) });
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("users.total", { total }),
          onChange: setPage,
        }}
        columns={[
          {
            key: "username",
            title: t("users.columns.username"),
            sorter: true,
            width: 130,
            render: (_, u) => <strong>{u.username}</strong>,
          },
          { key: "displayName", title: t("users.columns.displayName"), sorter: true, width: 120, dataIndex: "displayName" },
          { key: "role", title: t("users.columns.role"), sorter: true, width: 110, render: (_, u) => tb(`roles.${u.role}`) },
          { key: "station", title: t("users.columns.station"), sorter: true, width: 130, render: (_, u) => stationName(u.stationId) },
          {
            key: "state",
            title: t("users.columns.state"),
            width: 170,
            render: (_, u) => (
              <Space wrap size={2}>
                {u.retiredAt ? (
                  <Tag>{t("users.state.retired")}</Tag>
                ) : u.disabled ? (
                  <Tag color="red">{t("users.state.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("users.state.enabled")}</Tag>
                )}
                {u.mustChangePassword && <Tag color="orange">{t("users.state.mustChange")}</Tag>}
                {u.backedOffUntil && <Tag color="volcano">{t("users.state.backedOff", { at: formatDateTime(u.backedOffUntil) })}</Tag>}
                {u.activeSessions > 0 && <Tag color="blue">{t("users.state.sessions", { n: u.activeSessions })}</Tag>}
              </Space>
            ),
          },
          {
            key: "lastLoginAt",
            title: t("users.columns.lastLoginAt"),
            sorter: true,
            width: 140,
            render: (_, u) =>
              u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <Typography.Text type="secondary">{t("users.never")}</Typography.Text>,
          },
          { key: "actions", title: t("users.columns.actions"), render: (_, u) => actions(u) },
        ]}
      />
      {editing && <UserForm user={editing === "new" ? null : editing} stations={policeStations} onClose={() => setEditing(null)} />}
      {temporary && (
        <Modal
          open
          title={t("users.temporary.title", { username: temporary.username })}
          onCancel={() => setTemporary(null)}
          maskClosable={false}
          footer={
            <Button type="primary" onClick={() => setTemporary(null)} data-testid="temporary-done">
              {t("users.temporary.done")}
            </Button>
          }
        >
          <Alert type="warning" showIcon title={t("users.temporary.once")} style={{ marginBottom: 12 }} />
          <Typography.Text strong>{t("users.temporary.password")}: </Typography.Text>
          <Typography.Text copyable code style={{ fontSize: 16 }} data-testid="temporary-password">
            {temporary.result.temporaryPassword}
          </Typography.Text>
        </Modal>
      )}
    </div>
  );
}
