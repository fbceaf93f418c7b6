// 网格管理: every grid in service on a map and in a list beside it. An administrator draws a new grid
// (click its vertices) or selects one and drags its vertices; vertices snap to the neighbours' (geoman).
// A save answers the overlaps (the other grid named) and the gaps between grids, listed and drawn on the
// map. The county's grids go out and come in as GeoJSON (GridsImport).
import type { GeoJsonPolygon, Grid, GridWarning } from "@onemap/shared";
import { Alert, Button, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStations } from "../api/devices";
import { useGridMapSettings, useGrids } from "../api/grids";
import { GridForm } from "./GridForm";
import { GridsImport } from "./GridsImport";
import { GridsMap, type MapMode } from "./GridsMap";
import { GridWarnings } from "./GridWarnings";

/** what the panel beside the map holds: nothing chosen, a new grid, or one grid */
type Editing = { kind: "none" } | { kind: "new" } | { kind: "grid"; id: string };

export function GridsPage() {
  const { t } = useTranslation("admin");
  const grids = useGrids();
  const stations = useStations();
  const settings = useGridMapSettings();
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [mode, setMode] = useState<MapMode>("view");
  const [shape, setShape] = useState<GeoJsonPolygon | null>(null);
  const [warnings, setWarnings] = useState<GridWarning[] | null>(null);
  const all = grids.data ?? [];
  const stationName = useMemo(() => new Map((stations.data ?? []).map((s) => [s.id, s.name])), [stations.data]);
  const selected = editing.kind === "grid" ? (all.find((g) => g.id === editing.id) ?? null) : null;

  const select = (id: string) => {
    if (mode === "draw") return;
    setEditing({ kind: "grid", id });
    setShape(null);
    setMode("view");
  };
  const startDrawing = () => {
    setEditing({ kind: "new" });
    setShape(null);
    setWarnings(null);
    setMode("draw");
  };
  const close = () => {
    setEditing({ kind: "none" });
    setShape(null);
    setMode("view");
  };
  const drawn = (polygon: GeoJsonPolygon) => {
    setShape(polygon);
    // drawn: its vertices can be dragged at once
    setMode("edit");
  };

  return (
    <div data-testid="grids-page" style={{ display: "flex", flexDirection: "column", height: "100%" }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("grids.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("grids.hint")}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={startDrawing} disabled={mode === "draw"} data-testid="grids-draw">
          {t("grids.draw")}
        </Button>
        <GridsImport
          onImported={(result) => {
            setWarnings([...result.grids.flatMap((g) => g.warnings), ...result.gaps]);
            close();
          }}
        />
      </Space>
      {mode === "draw" && (
        <Alert type="info" showIcon title={t("grids.drawHint")} style={{ marginBottom: 8 }} data-testid="grids-draw-hint" />
      )}
      <div style={{ display: "flex", gap: 12, flex: 1, minHeight: 480 }}>
        <div style={{ flex: 1, minWidth: 0, border: "1px solid #f0f0f0" }}>
          {settings.data && (
            <GridsMap
              settings={settings.data}
              grids={all}
              selectedId={selected?.id ?? null}
              mode={mode}
              shape={shape}
              onShape={mode === "draw" ? drawn : setShape}
              onSelect={select}
              warnings={warnings ?? []}
            />
          )}
        </div>
        <div style={{ width: 380, display: "flex", flexDirection: "column", gap: 8, overflow: "auto" }}>
          {editing.kind !== "none" && (
            <div style={{ border: "1px solid #f0f0f0", padding: 12, borderRadius: 6 }}>
              {editing.kind === "grid" && selected && (
                <Space style={{ marginBottom: 8 }} wrap>
                  <Button
                    size="small"
                    type={mode === "edit" ? "primary" : "default"}
                    onClick={() => setMode(mode === "edit" ? "view" : "edit")}
                    data-testid="grid-edit-shape"
                  >
                    {t("grids.editShape")}
                  </Button>
                  {mode === "edit" && <Typography.Text type="secondary">{t("grids.editHint")}</Typography.Text>}
                </Space>
              )}
              {editing.kind === "new" && shape && (
                <Space style={{ marginBottom: 8 }} wrap>
                  <Button size="small" onClick={startDrawing} data-testid="grid-redraw">
                    {t("grids.redraw")}
                  </Button>
                  <Typography.Text type="secondary">{t("grids.editHint")}</Typography.Text>
                </Space>
              )}
              <GridForm
                grid={selected}
                shape={shape}
                stations={stations.data ?? []}
                onSaved={(saved) => {
                  setWarnings(saved.warnings);
                  setEditing({ kind: "grid", id: saved.id });
                  setShape(null);
                  setMode("view");
                }}
                onRemoved={() => {
                  setWarnings(null);
                  close();
                }}
                onCancel={close}
              />
            </div>
          )}
          <GridWarnings warnings={warnings} />
          <Table<Grid>
            rowKey="id"
            size="small"
            loading={grids.isFetching}
            dataSource={all}
            pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (total) => t("grids.total", { total }), size: "small" }}
            onRow={(g) =>
              ({
                onClick: () => select(g.id),
                style: { cursor: "pointer", background: g.id === selected?.id ? "#e6f4ff" : undefined },
                "data-testid": "grids-row",
                "data-code": g.code,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { key: "code", title: t("grids.columns.code"), dataIndex: "code", width: 90 },
              { key: "name", title: t("grids.columns.name"), dataIndex: "name" },
              { key: "station", title: t("grids.columns.station"), render: (_, g) => stationName.get(g.stationId) ?? g.stationId },
              { key: "owner", title: t("grids.columns.owner"), render: (_, g) => g.owner?.name ?? "—" },
            ]}
          />
        </div>
      </div>
    </div>
  );
}
