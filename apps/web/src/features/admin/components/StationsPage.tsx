// 单位: the county's police stations and HQ units, searched, sorted and paged on the server; added and
// changed in a form (StationForm); deleted with a confirmation: erased, or retired when history points
// to it (said so), or refused while units, officers, grids, cameras or accounts still belong to it
// (each named, in the board's language).
import type { Station } from "@onemap/shared";
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Refusal } from "../api/paged";
import { type ListState, useStationChanges, useStationPage } from "../api/stations";
import { orderOf, sortParam } from "./list-table";
import { StationForm } from "./StationForm";

const PAGE_SIZE = 20;
const HOLDER_KINDS = ["units", "officers", "grids", "cameras", "users"] as const;

export function StationsPage() {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const [list, setList] = useState<ListState>({ q: "", sort: undefined, page: 1, pageSize: PAGE_SIZE });
  const page = useStationPage(list);
  const { remove } = useStationChanges();
  const [editing, setEditing] = useState<Station | "new" | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  /** a station still held: what holds it, kind by kind, in the board's language */
  const refusalText = (error: unknown) => {
    if (error instanceof Refusal && error.code === "station_in_use") {
      const held = HOLDER_KINDS.filter((k) => Number(error.params[`${k}Count`]) > 0).map((k) =>
        t(`stations.holders.${k}`, {
          count: Number(error.params[`${k}Count`]),
          names: String(error.params[k] ?? "").replaceAll(", ", t("stations.holderSeparator")),
        }),
      );
      if (held.length > 0) return t("stations.inUse", { station: error.params.station, holders: held.join(t("stations.holderSeparator")) });
    }
    return error instanceof Error ? error.message : String(error);
  };

  const erase = async (station: Station) => {
    setRefusal(null);
    try {
      const { retired } = await remove.mutateAsync(station.id);
      if (retired) void message.warning(t("stations.retired", { name: station.name }), 8);
      else void message.success(t("stations.removed", { name: station.name }));
    } catch (error) {
      setRefusal(refusalText(error));
    }
  };

  return (
    <div data-testid="stations-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("stations.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("stations.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("stations.search")}
          aria-label={t("stations.search")}
          style={{ width: 280 }}
          onSearch={(q) => setList((l) => ({ ...l, q, page: 1 }))}
          data-testid="stations-search"
        />
        <Button type="primary" onClick={() => setEditing("new")} data-testid="station-add">
          {t("stations.add")}
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
          data-testid="stations-refusal"
        />
      )}
      <Table<Station>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.rows ?? []}
        onRow={(s) => ({ "data-testid": "station-row", "data-code": s.code }) as React.HTMLAttributes<HTMLElement>}
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
          showTotal: (total) => t("stations.total", { total }),
        }}
        columns={[
          {
            key: "code",
            title: t("stations.columns.code"),
            dataIndex: "code",
            width: 110,
            sorter: true,
            sortOrder: orderOf(list.sort, "code"),
          },
          {
            key: "name",
            title: t("stations.columns.name"),
            width: 180,
            sorter: true,
            sortOrder: orderOf(list.sort, "name"),
            render: (_, s) => <strong>{s.name}</strong>,
          },
          {
            key: "kind",
            title: t("stations.columns.kind"),
            width: 110,
            sorter: true,
            sortOrder: orderOf(list.sort, "kind"),
            render: (_, s) => <Tag color={s.kind === "POLICE_STATION" ? "blue" : "purple"}>{t(`stations.kinds.${s.kind}`)}</Tag>,
          },
          {
            key: "urban",
            title: t("stations.columns.urban"),
            width: 80,
            sorter: true,
            sortOrder: orderOf(list.sort, "urban"),
            render: (_, s) => (s.urban ? t("stations.yes") : t("stations.no")),
          },
          { key: "address", title: t("stations.columns.address"), dataIndex: "address", ellipsis: true },
          { key: "phone", title: t("stations.columns.phone"), dataIndex: "phone", width: 140 },
          {
            key: "actions",
            title: t("stations.columns.actions"),
            width: 140,
            render: (_, s) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(s)} data-testid="station-edit">
                  {t("stations.edit")}
                </Button>
                <Popconfirm
                  title={t("stations.removeConfirm", { name: s.name })}
                  okText={t("stations.remove")}
                  okButtonProps={{ danger: true, "data-testid": "station-remove-ok" }}
                  cancelText={t("stations.cancel")}
                  onConfirm={() => erase(s)}
                >
                  <Button size="small" danger data-testid="station-remove">
                    {t("stations.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <StationForm station={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
