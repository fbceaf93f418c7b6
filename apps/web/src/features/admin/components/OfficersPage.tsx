// 警员: the county's police and auxiliaries, filtered by station, searched, sorted and paged on the
// server; added and changed in a form (OfficerForm); deleted with a confirmation: erased, retired when
// history points to them (said so), or refused while they lead a unit or own a grid (named).
import type { Officer } from "@onemap/shared";
import { Alert, App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStations } from "../api/devices";
import { useOfficerChanges, useOfficerPage } from "../api/officers";
import type { ListState } from "../api/stations";
import { orderOf, sortParam } from "./list-table";
import { OfficerForm } from "./OfficerForm";

const PAGE_SIZE = 20;

export function OfficersPage() {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const [station, setStation] = useState<string | undefined>();
  const [list, setList] = useState<ListState>({ q: "", sort: undefined, page: 1, pageSize: PAGE_SIZE });
  const page = useOfficerPage({ ...list, station });
  const stations = useStations();
  const names = useMemo(() => new Map((stations.data ?? []).map((s) => [s.id, s.name])), [stations.data]);
  const { remove } = useOfficerChanges();
  const [editing, setEditing] = useState<Officer | "new" | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const erase = async (officer: Officer) => {
    setRefusal(null);
    try {
      const { retired } = await remove.mutateAsync(officer.id);
      if (retired) void message.warning(t("officers.retired", { name: officer.name }), 8);
      else void message.success(t("officers.removed", { name: officer.name }));
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    }
  };

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: orderOf(list.sort, key) });
  return (
    <div data-testid="officers-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("officers.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("officers.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("officers.allStations")}
          aria-label={t("officers.station")}
          style={{ width: 220 }}
          value={station}
          onChange={(v) => {
            setStation(v);
            setList((l) => ({ ...l, page: 1 }));
          }}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="officers-station"
        />
        <Input.Search
          allowClear
          placeholder={t("officers.search")}
          aria-label={t("officers.search")}
          style={{ width: 240 }}
          onSearch={(q) => setList((l) => ({ ...l, q, page: 1 }))}
          data-testid="officers-search"
        />
        <Button type="primary" onClick={() => setEditing("new")} data-testid="officer-add">
          {t("officers.add")}
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
          data-testid="officers-refusal"
        />
      )}
      <Table<Officer>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.rows ?? []}
        onRow={(o) => ({ "data-testid": "officer-row", "data-badge": o.badgeNo }) as React.HTMLAttributes<HTMLElement>}
        onChange={(pagination, _filters, sorter) =>
          setList((l) => {
            const sort = sortParam(sorter);
            return { ...l, sort, page: sort === l.sort ? (pagination.current ?? 1) : 1 };
          })
        }
        pagination={{
          current: list.page,
          pageSize: PAGE_SIZE,
          total: page.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("officers.total", { total }),
        }}
        columns={[
          { ...sortable("badgeNo"), title: t("officers.columns.badgeNo"), dataIndex: "badgeNo", width: 110 },
          { ...sortable("name"), title: t("officers.columns.name"), width: 100, render: (_, o) => <strong>{o.name}</strong> },
          { key: "title", title: t("officers.columns.title"), dataIndex: "title", width: 110 },
          { key: "post", title: t("officers.columns.post"), width: 90, render: (_, o) => t(`officers.posts.${o.post}`) },
          {
            key: "auxiliary",
            title: t("officers.columns.auxiliary"),
            width: 70,
            render: (_, o) => (o.auxiliary ? <Tag>{t("officers.yes")}</Tag> : t("officers.no")),
          },
          { ...sortable("station"), title: t("officers.columns.station"), render: (_, o) => names.get(o.stationId) ?? o.stationId },
          { key: "phone", title: t("officers.columns.phone"), dataIndex: "phone", width: 130 },
          { ...sortable("birthYear"), title: t("officers.columns.birthYear"), dataIndex: "birthYear", width: 100 },
          {
            key: "actions",
            title: t("officers.columns.actions"),
            width: 140,
            render: (_, o) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(o)} data-testid="officer-edit">
                  {t("officers.edit")}
                </Button>
                <Popconfirm
                  title={t("officers.removeConfirm", { name: o.name, badgeNo: o.badgeNo })}
                  okText={t("officers.remove")}
                  okButtonProps={{ danger: true, "data-testid": "officer-remove-ok" }}
                  cancelText={t("officers.cancel")}
                  onConfirm={() => erase(o)}
                >
                  <Button size="small" danger data-testid="officer-remove">
                    {t("officers.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <OfficerForm
          officer={editing === "new" ? null : editing}
          stationId={station}
          stations={stations.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
