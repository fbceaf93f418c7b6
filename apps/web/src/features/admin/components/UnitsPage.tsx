// 作战单元: the units in service, a page at a time from the server (filter by station and kind, search,
// sort), each with its station, grid, status, leader, crew size and reinforcement group. An administrator
// adds or edits one in a form (UnitForm), removes one (erased, or retired when history points to it, and
// said so), and goes to its devices on the devices page. Refusals come in the board's language.
import { type Unit, UnitKind } from "@onemap/shared";
import { App, Button, type ButtonProps, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStations } from "../api/devices";
import { useGrids, useUnitChanges, useUnitsPage } from "../api/units";
import { sortParam } from "./list-table";
import { UnitForm } from "./UnitForm";

const PAGE_SIZE = 20;

export function UnitsPage({ onDevices }: { onDevices: () => void }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [station, setStation] = useState<string | undefined>();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useUnitsPage({ station, kind, q, sort }, page, PAGE_SIZE);
  const stations = useStations();
  const grids = useGrids();
  const changes = useUnitChanges();
  const [editing, setEditing] = useState<Unit | "new" | null>(null);
  const stationName = new Map((stations.data ?? []).map((s) => [s.id, s.name]));
  const gridName = new Map((grids.data ?? []).map((g) => [g.id, g.name]));
  const firstPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const remove = (u: Unit) =>
    changes.remove.mutateAsync(u.id).then(
      (outcome) => {
        // the message's promise ends when it closes: the confirmation must not wait for it
        void (outcome?.retired
          ? message.info(t("units.retired", { callsign: u.callsign }))
          : message.success(t("units.erased", { callsign: u.callsign })));
      },
      (e: Error) => {
        void message.error(e.message);
      },
    );

  return (
    <div data-testid="units-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("units.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("units.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("units.allStations")}
          aria-label={t("units.station")}
          style={{ width: 200 }}
          value={station}
          onChange={firstPage(setStation)}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="units-station"
        />
        <Select
          allowClear
          placeholder={t("units.allKinds")}
          aria-label={t("units.kind")}
          style={{ width: 140 }}
          value={kind}
          onChange={firstPage(setKind)}
          options={UnitKind.options.map((k) => ({ value: k, label: tb(`unitKind.${k}`) }))}
          data-testid="units-kind"
        />
        <Input.Search
          allowClear
          placeholder={t("units.search")}
          aria-label={t("units.search")}
          style={{ width: 240 }}
          onSearch={firstPage(setQ)}
          data-testid="units-search"
        />
        <Button type="primary" onClick={() => setEditing("new")} data-testid="unit-add">
          {t("units.add")}
        </Button>
      </Space>
      <Table<Unit>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        onRow={(u) => ({ "data-testid": "unit-row", "data-callsign": u.callsign }) as React.HTMLAttributes<HTMLElement>}
        onChange={(_, __, sorter, { action }) => {
          // a page turned is the pagination's (below); only a new sort goes back to the first page
          if (action !== "sort") return;
          setSort(sortParam(sorter));
          setPage(1);
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("units.total", { total }),
          onChange: setPage,
        }}
        columns={[
          { key: "callsign", title: t("units.columns.callsign"), sorter: true, render: (_, u) => <strong>{u.callsign}</strong> },
          { key: "kind", title: t("units.columns.kind"), sorter: true, width: 90, render: (_, u) => tb(`unitKind.${u.kind}`) },
          {
            key: "station",
            title: t("units.columns.station"),
            sorter: true,
            render: (_, u) => stationName.get(u.homeStationId) ?? u.homeStationId,
          },
          {
            key: "grid",
            title: t("units.columns.grid"),
            render: (_, u) => (u.gridId ? (gridName.get(u.gridId) ?? u.gridId) : t("units.none")),
          },
          {
            key: "status",
            title: t("units.columns.status"),
            sorter: true,
            width: 90,
            render: (_, u) => <Tag>{tb(`unitStatus.${u.status}`)}</Tag>,
          },
          { key: "leader", title: t("units.columns.leader"), render: (_, u) => u.leader?.name ?? t("units.none") },
          { key: "crew", title: t("units.columns.crew"), width: 90, align: "right", render: (_, u) => u.memberCount },
          {
            key: "group",
            title: t("units.columns.group"),
            render: (_, u) => (u.reinforcementGroup ? tb(`groups.${u.reinforcementGroup}`) : t("units.none")),
          },
          {
            key: "actions",
            title: "",
            width: 210,
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(u)} data-testid="unit-edit">
                  {t("units.edit")}
                </Button>
                <Button size="small" onClick={onDevices} data-testid="unit-devices">
                  {t("units.devices")} {u.deviceCount}
                </Button>
                <Popconfirm
                  title={t("units.removeConfirm", { callsign: u.callsign })}
                  okText={t("units.remove")}
                  okButtonProps={{ danger: true, "data-testid": "unit-remove-ok" } as ButtonProps}
                  cancelText={t("units.cancel")}
                  onConfirm={() => remove(u)}
                >
                  <Button size="small" danger data-testid="unit-remove">
                    {t("units.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <UnitForm unit={editing === "new" ? null : editing} stations={stations.data ?? []} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
