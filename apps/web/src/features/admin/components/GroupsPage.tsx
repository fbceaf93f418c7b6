// 增援力量: the reinforcement groups (one per kind) with their count of units; added, changed (name,
// activating tier, which units belong: GroupForm) and deleted (refused while units are in it, named).
import type { ReinforcementGroup } from "@onemap/shared";
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useGroupChanges, useGroups } from "../api/groups";
import { GroupForm } from "./GroupForm";

export function GroupsPage() {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const groups = useGroups();
  const { remove } = useGroupChanges();
  const [editing, setEditing] = useState<ReinforcementGroup | "new" | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const taken = (groups.data ?? []).map((g) => g.kind);
  // the group being edited as last read (its count of units changes while the form is open)
  const current = editing && editing !== "new" ? (groups.data?.find((g) => g.id === editing.id) ?? editing) : null;

  const erase = async (group: ReinforcementGroup) => {
    setRefusal(null);
    try {
      await remove.mutateAsync(group.id);
      void message.success(t("reinforcement.removed", { name: group.name }));
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div data-testid="groups-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("reinforcement.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("reinforcement.hint")}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={taken.length >= 3} onClick={() => setEditing("new")} data-testid="group-add">
          {t("reinforcement.add")}
        </Button>
      </Space>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          message={refusal}
          style={{ marginBottom: 12 }}
          data-testid="groups-refusal"
        />
      )}
      <Table<ReinforcementGroup>
        rowKey="id"
        size="small"
        loading={groups.isFetching}
        dataSource={groups.data ?? []}
        pagination={false}
        onRow={(g) => ({ "data-testid": "group-row", "data-kind": g.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "kind", title: t("reinforcement.columns.kind"), width: 140, render: (_, g) => tb(`groups.${g.kind}`) },
          { key: "name", title: t("reinforcement.columns.name"), render: (_, g) => <strong>{g.name}</strong> },
          { key: "tier", title: t("reinforcement.columns.tier"), width: 120, render: (_, g) => tb(`tiers.${g.activatesAtTier}`) },
          {
            key: "units",
            title: t("reinforcement.columns.units"),
            width: 100,
            render: (_, g) => <span data-testid="group-unit-count">{t("reinforcement.unitCount", { count: g.unitCount })}</span>,
          },
          {
            key: "actions",
            title: t("reinforcement.columns.actions"),
            width: 140,
            render: (_, g) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(g)} data-testid="group-edit">
                  {t("reinforcement.edit")}
                </Button>
                <Popconfirm
                  title={t("reinforcement.removeConfirm", { name: g.name })}
                  okText={t("reinforcement.remove")}
                  okButtonProps={{ danger: true, "data-testid": "group-remove-ok" }}
                  cancelText={t("reinforcement.cancel")}
                  onConfirm={() => erase(g)}
                >
                  <Button size="small" danger data-testid="group-remove">
                    {t("reinforcement.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <GroupForm group={editing === "new" ? null : current} taken={taken} onClose={() => setEditing(null)} />}
    </div>
  );
}
