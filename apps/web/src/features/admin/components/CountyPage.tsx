// 全县数据: the county workbook. Download the whole county or the empty template; upload a workbook and
// see per sheet what was added and changed — or, when it is refused, every error the import found
// (sheet, row, column, problem), with the plain statement that nothing was written.
import type { CountyImportResult, SheetCounts, WorkbookIssue } from "@onemap/shared";
import { fieldMessageKey } from "@onemap/shared/vocabulary";
import { Alert, Button, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../../../i18n";
import { COUNTY_EXPORT_URL, COUNTY_TEMPLATE_URL, useCountyImport, WorkbookRefused } from "../api/county";

const SHEETS = ["stations", "officers", "grids", "reinforcementGroups", "units", "cameras", "devices"] as const;
type Outcome = { result: CountyImportResult } | { message: string; issues: WorkbookIssue[] };

export function CountyPage() {
  const { t } = useTranslation("admin");
  const upload = useCountyImport();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = (file: File) => {
    setOutcome(null);
    upload.mutate(file, {
      onSuccess: (result) => setOutcome({ result }),
      onError: (error) => setOutcome({ message: error.message, issues: error instanceof WorkbookRefused ? error.workbookIssues : [] }),
    });
    // antd's own upload is not used: the mutation sends the file
    return false;
  };

  return (
    <div data-testid="county-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("county.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t("county.hint")}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button href={COUNTY_EXPORT_URL} download data-testid="county-export">
          {t("county.export")}
        </Button>
        <Button href={COUNTY_TEMPLATE_URL} download data-testid="county-template">
          {t("county.template")}
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={send} disabled={upload.isPending}>
          <Button type="primary" loading={upload.isPending} data-testid="county-upload">
            {upload.isPending ? t("county.uploading") : t("county.upload")}
          </Button>
        </Upload>
      </Space>
      {outcome && "result" in outcome && <ImportResult result={outcome.result} />}
      {outcome && "message" in outcome && <ImportRefused message={outcome.message} issues={outcome.issues} />}
    </div>
  );
}

function ImportResult({ result }: { result: CountyImportResult }) {
  const { t } = useTranslation("admin");
  const changed = SHEETS.some((s) => result[s].created > 0 || result[s].updated > 0);
  return (
    <div data-testid="county-result">
      <Alert
        type="success"
        showIcon
        message={t("county.imported")}
        description={changed ? undefined : t("county.noChanges")}
        style={{ marginBottom: 12 }}
        data-testid={changed ? "county-changed" : "county-no-changes"}
      />
      <Table<{ sheet: (typeof SHEETS)[number] } & SheetCounts>
        rowKey="sheet"
        size="small"
        pagination={false}
        style={{ maxWidth: 560 }}
        dataSource={SHEETS.map((sheet) => ({ sheet, ...result[sheet] }))}
        onRow={(r) => ({ "data-testid": "county-result-row", "data-sheet": r.sheet }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "sheet", title: t("county.resultColumns.sheet"), render: (_, r) => t(`county.sheets.${r.sheet}`) },
          {
            key: "created",
            title: t("county.resultColumns.created"),
            dataIndex: "created",
            render: (n: number) => (n > 0 ? <strong>{n}</strong> : n),
          },
          {
            key: "updated",
            title: t("county.resultColumns.updated"),
            dataIndex: "updated",
            render: (n: number) => (n > 0 ? <strong>{n}</strong> : n),
          },
          { key: "unchanged", title: t("county.resultColumns.unchanged"), dataIndex: "unchanged" },
        ]}
      />
    </div>
  );
}

function ImportRefused({ message, issues }: { message: string; issues: WorkbookIssue[] }) {
  const { t } = useTranslation("admin");
  const text =
    <T,>(pick: (i: WorkbookIssue) => T) =>
    (a: WorkbookIssue, b: WorkbookIssue) =>
      String(pick(a)).localeCompare(String(pick(b)), "zh-CN");
  return (
    <div data-testid="county-refused">
      <Alert
        type="error"
        showIcon
        message={t("county.refused", { message })}
        description={issues.length > 0 ? t("county.nothingWritten", { count: issues.length }) : undefined}
        style={{ marginBottom: 12 }}
        data-testid="county-refusal"
      />
      {issues.length > 0 && (
        <Table<WorkbookIssue & { key: number }>
          size="small"
          dataSource={issues.map((issue, key) => ({ ...issue, key }))}
          onRow={(i) =>
            ({
              "data-testid": "county-issue",
              "data-sheet": i.sheet,
              "data-row": i.row,
              "data-column": i.column,
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t("county.issuesTotal", { total }) }}
          columns={[
            { key: "sheet", title: t("county.issueColumns.sheet"), dataIndex: "sheet", width: 140, sorter: text((i) => i.sheet) },
            { key: "row", title: t("county.issueColumns.row"), dataIndex: "row", width: 80, sorter: (a, b) => a.row - b.row },
            { key: "column", title: t("county.issueColumns.column"), dataIndex: "column", width: 160, sorter: text((i) => i.column) },
            { key: "message", title: t("county.issueColumns.message"), render: (_, i) => <IssueWords issue={i} /> },
          ]}
        />
      )}
    </div>
  );
}

/** an issue in the board's language (a shared field rule, or the workbook's code), with the server's detail */
function IssueWords({ issue }: { issue: WorkbookIssue }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const field = fieldMessageKey(issue.message);
  const words =
    field && i18n.exists(`fields.${field}`)
      ? tb(`fields.${field}` as "fields.required")
      : i18n.exists(`admin:county.issueCodes.${issue.code}`)
        ? t(`county.issueCodes.${issue.code}` as "county.issueCodes.required")
        : issue.message;
  return (
    <span>
      {words}
      {words !== issue.message && issue.message !== issue.code && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
          {issue.message}
        </Typography.Text>
      )}
    </span>
  );
}
