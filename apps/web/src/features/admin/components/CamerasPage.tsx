// 视频监控: the cameras in service, a page at a time from the server (filter by station, kind and status,
// search, sort). An administrator adds or edits one in a form with a map (CameraForm) and removes one
// (erased, or retired when its status history points to it, and said so). Refusals in the board's language.
import { type Camera, CameraKind, CameraStatus } from "@onemap/shared";
import { App, Button, type ButtonProps, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCameraChanges, useCamerasPage } from "../api/cameras";
import { useStations } from "../api/devices";
import { useGrids } from "../api/units";
import { CameraForm } from "./CameraForm";
import { sortParam } from "./list-table";

const PAGE_SIZE = 20;

export function CamerasPage() {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [station, setStation] = useState<string | undefined>();
  const [kind, setKind] = useState<CameraKind | undefined>();
  const [status, setStatus] = useState<CameraStatus | undefined>();
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useCamerasPage({ station, kind, status, q, sort }, page, PAGE_SIZE);
  const stations = useStations();
  const grids = useGrids();
  const changes = useCameraChanges();
  const [editing, setEditing] = useState<Camera | "new" | null>(null);
  const stationName = new Map((stations.data ?? []).map((s) => [s.id, s.name]));
  const gridName = new Map((grids.data ?? []).map((g) => [g.id, g.name]));
  const firstPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const remove = (c: Camera) =>
    changes.remove.mutateAsync(c.id).then(
      (outcome) => {
        // the message's promise ends when it closes: the confirmation must not wait for it
        void (outcome?.retired
          ? message.info(t("cameras.retired", { name: c.name }))
          : message.success(t("cameras.erased", { name: c.name })));
      },
      (e: Error) => {
        void message.error(e.message);
      },
    );

  return (
    <div data-testid="cameras-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("cameras.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("cameras.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("cameras.allStations")}
          aria-label={t("cameras.station")}
          style={{ width: 200 }}
          value={station}
          onChange={firstPage(setStation)}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="cameras-station"
        />
        <Select
          allowClear
          placeholder={t("cameras.allKinds")}
          aria-label={t("cameras.kind")}
          style={{ width: 140 }}
          value={kind}
          onChange={firstPage(setKind)}
          options={CameraKind.options.map((k) => ({ value: k, label: tb(`cameraKind.${k}`) }))}
          data-testid="cameras-kind"
        />
        <Select
          allowClear
          placeholder={t("cameras.allStatuses")}
          aria-label={t("cameras.status")}
          style={{ width: 120 }}
          value={status}
          onChange={firstPage(setStatus)}
          options={CameraStatus.options.map((s) => ({ value: s, label: tb(`cameraStatus.${s}`) }))}
          data-testid="cameras-status"
        />
        <Input.Search
          allowClear
          placeholder={t("cameras.search")}
          aria-label={t("cameras.search")}
          style={{ width: 220 }}
          onSearch={firstPage(setQ)}
          data-testid="cameras-search"
        />
        <Button type="primary" onClick={() => setEditing("new")} data-testid="camera-add">
          {t("cameras.add")}
        </Button>
      </Space>
      <Table<Camera>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        onRow={(c) => ({ "data-testid": "camera-row", "data-code": c.code }) as React.HTMLAttributes<HTMLElement>}
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
          showTotal: (total) => t("cameras.total", { total }),
          onChange: setPage,
        }}
        columns={[
          {
            key: "code",
            title: t("cameras.columns.code"),
            sorter: true,
            render: (_, c) => <Typography.Text code>{c.code}</Typography.Text>,
          },
          { key: "name", title: t("cameras.columns.name"), sorter: true, render: (_, c) => <strong>{c.name}</strong> },
          { key: "kind", title: t("cameras.columns.kind"), sorter: true, render: (_, c) => tb(`cameraKind.${c.kind}`) },
          {
            key: "status",
            title: t("cameras.columns.status"),
            sorter: true,
            width: 90,
            render: (_, c) => <Tag color={c.status === "ONLINE" ? "green" : "default"}>{tb(`cameraStatus.${c.status}`)}</Tag>,
          },
          {
            key: "station",
            title: t("cameras.columns.station"),
            sorter: true,
            render: (_, c) => stationName.get(c.stationId) ?? c.stationId,
          },
          {
            key: "grid",
            title: t("cameras.columns.grid"),
            render: (_, c) => (c.gridId ? (gridName.get(c.gridId) ?? c.gridId) : t("cameras.none")),
          },
          {
            key: "actions",
            title: "",
            width: 140,
            render: (_, c) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(c)} data-testid="camera-edit">
                  {t("cameras.edit")}
                </Button>
                <Popconfirm
                  title={t("cameras.removeConfirm", { name: c.name })}
                  okText={t("cameras.remove")}
                  okButtonProps={{ danger: true, "data-testid": "camera-remove-ok" } as ButtonProps}
                  cancelText={t("cameras.cancel")}
                  onConfirm={() => remove(c)}
                >
                  <Button size="small" danger data-testid="camera-remove">
                    {t("cameras.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <CameraForm camera={editing === "new" ? null : editing} stations={stations.data ?? []} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
