// GeoJSON out and in: the export downloads the server's FeatureCollection of every grid in service; the
// import sends a file's FeatureCollection whole (the server writes all of it or nothing) and lists the
// refused features, each with its fields' errors in the board's language.
import type { ErrorIssue, GridsImportResult } from "@onemap/shared";
import { App, Button, Modal, Space, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { fetchGridsGeoJson, useGridChanges } from "../api/grids";

interface FeatureErrors {
  index: number;
  code: string | null;
  lines: string[];
}

/** the refused features, in the file's order: body.features.<i>.properties.<field> → "field: words" */
function byFeature(
  issues: readonly ErrorIssue[],
  features: readonly unknown[],
  field: (name: string) => string,
  colon: string,
): FeatureErrors[] {
  const out = new Map<number, FeatureErrors>();
  for (const issue of issues) {
    const [, , index, ...rest] = issue.path.split(".");
    const i = Number(index);
    if (!Number.isInteger(i)) continue;
    const props = (features[i] as { properties?: { code?: unknown } } | undefined)?.properties;
    const entry = out.get(i) ?? { index: i, code: typeof props?.code === "string" ? props.code : null, lines: [] };
    const name = rest[0] === "properties" ? rest[1] : rest[0];
    entry.lines.push(`${name ? `${field(name)}${colon}` : ""}${issueMessage(issue)}`);
    out.set(i, entry);
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

export function GridsImport({ onImported }: { onImported: (result: GridsImportResult) => void }) {
  const { t, i18n } = useTranslation("admin");
  const { message } = App.useApp();
  const changes = useGridChanges();
  const [refused, setRefused] = useState<FeatureErrors[] | null>(null);
  const field = (name: string) => (i18n.exists(`admin:grids.fields.${name}`) ? t(`grids.fields.${name}` as "grids.fields.code") : name);

  async function download() {
    try {
      const collection = await fetchGridsGeoJson();
      const url = URL.createObjectURL(new Blob([JSON.stringify(collection, null, 2)], { type: "application/geo+json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = "grids.geojson";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  async function upload(file: File) {
    let collection: unknown;
    try {
      collection = JSON.parse(await file.text());
    } catch {
      collection = null;
    }
    const features = (collection as { type?: unknown; features?: unknown } | null)?.features;
    if ((collection as { type?: unknown } | null)?.type !== "FeatureCollection" || !Array.isArray(features)) {
      void message.error(t("grids.notGeoJson"));
      return;
    }
    try {
      const result = await changes.importFile.mutateAsync(collection);
      void message.success(t("grids.imported", { created: result.created, updated: result.updated }));
      onImported(result);
    } catch (e) {
      const perFeature = e instanceof ApiError ? byFeature(e.issues, features, field, t("grids.colon")) : [];
      if (perFeature.length > 0) setRefused(perFeature);
      else void message.error((e as Error).message);
    }
  }

  return (
    <Space>
      <Button onClick={download} data-testid="grids-export">
        {t("grids.export")}
      </Button>
      <Upload
        accept=".geojson,.json,application/geo+json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button loading={changes.importFile.isPending} title={t("grids.importHint")} data-testid="grids-import">
          {t("grids.import")}
        </Button>
      </Upload>
      <Modal
        open={refused !== null}
        title={t("grids.importFailed", { count: refused?.length ?? 0 })}
        onCancel={() => setRefused(null)}
        footer={<Button onClick={() => setRefused(null)}>{t("grids.close")}</Button>}
        width={640}
      >
        <ul style={{ paddingInlineStart: 18, maxHeight: 400, overflow: "auto" }} data-testid="grids-import-errors">
          {(refused ?? []).map((f) => (
            <li key={f.index} data-testid="grids-import-error">
              <strong>
                {t("grids.feature", { n: f.index + 1 })}
                {f.code ? t("grids.featureCode", { code: f.code }) : ""}
              </strong>
              {t("grids.colon")}
              {f.lines.join(t("grids.semicolon"))}
            </li>
          ))}
        </ul>
      </Modal>
    </Space>
  );
}
