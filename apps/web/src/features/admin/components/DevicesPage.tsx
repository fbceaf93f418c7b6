// 终端管理: the units (of a station, or by callsign), a page at a time from the server, each with its
// devices. An administrator registers a device for a unit, issues it a new token or removes it; a new
// token is shown once (DeviceToken). Refusals come in the board's language (api/client → refusals).
import type { DeviceProtocol, DeviceWithToken, UnitDevices } from "@onemap/shared";
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../i18n";
import { useDeviceChanges, useStations, useUnitDevices } from "../api/devices";
import { DeviceToken } from "./DeviceToken";

const PAGE_SIZE = 20;
const PROTOCOLS: DeviceProtocol[] = ["osmand", "jt808", "terminal"];

export function DevicesPage() {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [station, setStation] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const list = useUnitDevices({ station, q }, page, PAGE_SIZE);
  const stations = useStations();
  const changes = useDeviceChanges();
  const [registering, setRegistering] = useState<UnitDevices | null>(null);
  const [issued, setIssued] = useState<{ device: DeviceWithToken; callsign: string } | null>(null);
  const [form] = Form.useForm<{ protocol: DeviceProtocol; identifier: string }>();
  const refused = (error: unknown) => message.error(error instanceof Error ? error.message : String(error));

  const register = async () => {
    if (!registering) return;
    const values = await form.validateFields();
    changes.register.mutate(
      { unitId: registering.id, ...values },
      {
        onSuccess: (device) => {
          setIssued({ device, callsign: registering.callsign });
          setRegistering(null);
          form.resetFields();
        },
        onError: refused,
      },
    );
  };

  return (
    <div data-testid="devices-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("devices.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("devices.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("devices.allStations")}
          aria-label={t("devices.station")}
          style={{ width: 220 }}
          value={station}
          onChange={(v) => {
            setStation(v);
            setPage(1);
          }}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="devices-station"
        />
        <Input.Search
          allowClear
          placeholder={t("devices.search")}
          aria-label={t("devices.search")}
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="devices-search"
        />
      </Space>
      <Table<UnitDevices>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.units ?? []}
        onRow={(u) => ({ "data-testid": "devices-unit", "data-unit": u.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("devices.total", { total }),
          onChange: setPage,
        }}
        columns={[
          { key: "callsign", title: t("devices.columns.callsign"), width: 140, render: (_, u) => <strong>{u.callsign}</strong> },
          { key: "kind", title: t("devices.columns.kind"), width: 90, render: (_, u) => tb(`unitKind.${u.kind}`) },
          { key: "station", title: t("devices.columns.station"), width: 160, dataIndex: "stationName" },
          {
            key: "devices",
            title: t("devices.columns.devices"),
            render: (_, u) =>
              u.devices.length === 0 ? (
                <Typography.Text type="secondary">{t("devices.none")}</Typography.Text>
              ) : (
                <Space direction="vertical" size={4} style={{ width: "100%" }}>
                  {u.devices.map((d) => (
                    <Space key={d.id} wrap size={6} data-testid="device-row" data-identifier={d.identifier}>
                      <Tag color="blue">{t(`devices.protocols.${d.protocol}`)}</Tag>
                      <Typography.Text code>{d.identifier}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {d.tokenAt ? t("devices.tokenAt", { at: formatDateTime(d.tokenAt) }) : t("devices.noToken")}
                        {" · "}
                        {d.lastSeenAt ? t("devices.lastSeen", { at: formatDateTime(d.lastSeenAt) }) : t("devices.neverSeen")}
                      </Typography.Text>
                      <Popconfirm
                        title={t("devices.rotateConfirm", { identifier: d.identifier })}
                        okText={t("devices.rotate")}
                        cancelText={t("devices.cancel")}
                        onConfirm={() =>
                          changes.rotate.mutateAsync(d.id).then((device) => setIssued({ device, callsign: u.callsign }), refused)
                        }
                      >
                        <Button size="small" data-testid="device-rotate">
                          {t("devices.rotate")}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t("devices.removeConfirm", { identifier: d.identifier, callsign: u.callsign })}
                        okText={t("devices.remove")}
                        okButtonProps={{ danger: true }}
                        cancelText={t("devices.cancel")}
                        onConfirm={() =>
                          changes.remove
                            .mutateAsync(d.id)
                            .then(() => message.success(t("devices.removed", { identifier: d.identifier })), refused)
                        }
                      >
                        <Button size="small" danger data-testid="device-remove">
                          {t("devices.remove")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ))}
                </Space>
              ),
          },
          {
            key: "register",
            title: "",
            width: 110,
            render: (_, u) => (
              <Button size="small" type="primary" ghost onClick={() => setRegistering(u)} data-testid="device-register">
                {t("devices.register")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={registering !== null}
        title={registering ? t("devices.registerTitle", { callsign: registering.callsign }) : ""}
        okText={t("devices.submit")}
        cancelText={t("devices.cancel")}
        confirmLoading={changes.register.isPending}
        onOk={register}
        onCancel={() => setRegistering(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ protocol: "osmand" }} preserve={false} data-testid="device-register-form">
          <Form.Item name="protocol" label={t("devices.protocol")}>
            <Select options={PROTOCOLS.map((p) => ({ value: p, label: t(`devices.protocols.${p}`) }))} />
          </Form.Item>
          <Form.Item
            name="identifier"
            label={t("devices.identifier")}
            extra={t("devices.identifierHint")}
            rules={[{ required: true, whitespace: true, message: t("devices.identifierRequired") }]}
          >
            <Input autoFocus maxLength={64} data-testid="device-identifier" onPressEnter={register} />
          </Form.Item>
        </Form>
      </Modal>
      {issued && <DeviceToken device={issued.device} callsign={issued.callsign} onClose={() => setIssued(null)} />}
    </div>
  );
}
