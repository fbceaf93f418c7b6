// A grid's form beside the map (new or edit): code, name, police station and owner, the boundary as
// drawn on the map; the shared CreateGridBody / PatchGridBody checked before sending, the server's field
// errors beside their fields in the board's language. Saving answers the warnings (GridWarnings).
import { type AdministeredGrid, CreateGridBody, type GeoJsonPolygon, type Grid, PatchGridBody, type Station } from "@onemap/shared";
import { App, Button, Form, Input, Popconfirm, Select, Space, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { useGridChanges, useStationOfficers } from "../api/grids";

interface Values {
  code?: string;
  name?: string;
  stationId?: string;
  ownerOfficerId?: string | null;
}
const FIELDS = ["code", "name", "stationId", "ownerOfficerId"] as const;

/** `grid`: the grid to edit, null for a new one; `shape`: the boundary drawn or edited on the map (null: unchanged) */
export function GridForm({
  grid,
  shape,
  stations,
  onSaved,
  onRemoved,
  onCancel,
}: {
  grid: Grid | null;
  shape: GeoJsonPolygon | null;
  stations: readonly Station[];
  onSaved: (saved: AdministeredGrid) => void;
  onRemoved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stationId = Form.useWatch("stationId", form);
  const officers = useStationOfficers(stationId);
  const changes = useGridChanges();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(
      grid ? { code: grid.code, name: grid.name, stationId: grid.stationId, ownerOfficerId: grid.owner?.id ?? null } : {},
    );
  }, [form, grid]);

  const setErrors = (errors: Record<string, string>) =>
    form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    if (!grid && !shape) {
      void message.warning(t("grids.needShape"));
      return;
    }
    const fields = {
      code: v.code?.trim() || undefined,
      name: v.name?.trim() || undefined,
      stationId: v.stationId,
      ownerOfficerId: v.ownerOfficerId ?? null,
      ...(shape ? { polygon: shape } : {}),
    };
    // an edit sends what changed
    const body = grid
      ? Object.fromEntries(
          Object.entries(fields).filter(([k, value]) =>
            k === "polygon" ? true : k === "ownerOfficerId" ? value !== (grid.owner?.id ?? null) : value !== grid[k as keyof Grid],
          ),
        )
      : fields;
    if (grid && Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    const parsed = grid ? PatchGridBody.safeParse(body) : CreateGridBody.safeParse(body);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        errors[key] ??= issueMessage(issue as never, (fields as Record<string, unknown>)[key] === undefined);
      }
      setErrors(errors);
      if (errors.polygon) void message.error(errors.polygon);
      return;
    }
    setErrors({});
    try {
      const saved = await changes.save.mutateAsync({ id: grid?.id ?? null, body: parsed.data });
      void message.success(t("grids.saved", { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      const errors = fieldIssues(e);
      if (e instanceof ApiError && e.code === "code_taken") errors.code = e.message;
      if (e instanceof ApiError && e.code === "grid_owner_taken") errors.ownerOfficerId = e.message;
      setErrors(errors);
      if (errors.polygon || !Object.keys(errors).some((k) => (FIELDS as readonly string[]).includes(k)))
        void message.error(errors.polygon ?? (e as Error).message);
    }
  }

  async function remove() {
    if (!grid) return;
    try {
      const outcome = await changes.remove.mutateAsync(grid.id);
      void message.success(t(outcome ? "grids.retired" : "grids.removed", { name: grid.name }));
      onRemoved();
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  return (
    <Form form={form} layout="vertical" size="small" data-testid="grid-form" onFinish={submit}>
      <Typography.Text strong>{grid ? t("grids.editing", { code: grid.code }) : t("grids.newGrid")}</Typography.Text>
      <Form.Item name="code" label={t("grids.code")} required style={{ marginTop: 8 }}>
        <Input maxLength={32} data-testid="grid-code" />
      </Form.Item>
      <Form.Item name="name" label={t("grids.name")} required>
        <Input maxLength={100} data-testid="grid-name" />
      </Form.Item>
      <Form.Item name="stationId" label={t("grids.station")} required>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={stations.filter((s) => s.kind === "POLICE_STATION").map((s) => ({ value: s.id, label: s.name }))}
          onChange={() => form.setFieldValue("ownerOfficerId", null)}
          data-testid="grid-station"
        />
      </Form.Item>
      <Form.Item name="ownerOfficerId" label={t("grids.owner")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("grids.noOwner")}
          loading={officers.isFetching}
          options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNo}）` }))}
          data-testid="grid-owner"
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={changes.save.isPending} data-testid="grid-save">
          {t("grids.save")}
        </Button>
        <Button onClick={onCancel} data-testid="grid-cancel">
          {t("grids.cancel")}
        </Button>
        {grid && (
          <Popconfirm
            title={t("grids.removeConfirm", { name: grid.name })}
            okText={t("grids.remove")}
            okButtonProps={{ danger: true }}
            cancelText={t("grids.cancel")}
            onConfirm={remove}
          >
            <Button danger data-testid="grid-remove">
              {t("grids.remove")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}
