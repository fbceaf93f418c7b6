// The audit, readable: filters in a row (category, action, who, days), a page of entries from the
// server (newest first, paged by the last id), each action in words, times in China time, and what
// changed (before → after) when a row is opened. The export takes the same filters.
import { chinaDateTime } from "@onemap/domain";
import { AUDIT_ACTIONS, AUDIT_EXPORT_MAX_ROWS, AUDIT_GROUPS, type AuditAction, type AuditEntry, auditActionsOf } from "@onemap/shared";
import { Alert, Button, DatePicker, Input, Select, Space, Table, type TableColumnsType, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilters, useAuditPage } from "../api/audit";
import { auditExportUrl } from "../api/audit-export";

const PAGE_SIZE = 50;
const ALL_ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

function useLabels() {
  const { t } = useTranslation("admin");
  // an action or target type this board does not know yet is shown as it is stored
  const action = (a: string) => (a in AUDIT_ACTIONS ? t(`actions.${a as AuditAction}`) : a);
  const target = (type: string) => t(`targets.${type}` as "targets.user", { defaultValue: type });
  return { action, target };
}

function Change({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("admin");
  const block = (title: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <pre
        className="onemap-audit-json"
        style={{ margin: "4px 0 0", padding: 8, background: "#f6f7f9", whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}
      >
        {value === null ? t("audit.nothing") : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: "flex", gap: 16 }} data-testid="audit-change">
      {block(t("audit.before"), entry.before)}
      {block(t("audit.after"), entry.after)}
    </div>
  );
}

export function AuditLog() {
  const { t } = useTranslation("admin");
  const labels = useLabels();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [actorText, setActorText] = useState("");
  // the cursors of the pages seen so far: the last is the page shown (undefined: the newest)
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = useAuditPage(filters, cursors.at(-1), PAGE_SIZE);
  const filter = (change: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setCursors([undefined]);
  };
  const actions = filters.group ? auditActionsOf(filters.group) : ALL_ACTIONS;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t("audit.columns.at"), dataIndex: "at", width: 170, render: (at: string) => chinaDateTime(new Date(at)) },
    {
      title: t("audit.columns.actor"),
      key: "actor",
      width: 140,
      render: (_, e) => e.actorName ?? <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>,
    },
    {
      title: t("audit.columns.action"),
      dataIndex: "action",
      width: 220,
      render: (a: string) => (
        <span data-testid="audit-action" data-action={a}>
          {labels.action(a)}{" "}
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {a}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("audit.columns.target"),
      key: "target",
      ellipsis: true,
      render: (_, e) => (e.targetType ? `${labels.target(e.targetType)}${e.targetId ? ` · ${e.targetId}` : ""}` : (e.targetId ?? "")),
    },
    { title: t("audit.columns.ip"), dataIndex: "ip", width: 130 },
  ];

  return (
    <div data-testid="audit-log">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("audit.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("audit.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          placeholder={t("audit.group")}
          style={{ width: 170 }}
          value={filters.group}
          onChange={(group) =>
            filter({
              group,
              action:
                filters.action && group && !auditActionsOf(group).includes(filters.action as AuditAction) ? undefined : filters.action,
            })
          }
          options={AUDIT_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
          data-testid="audit-group"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("audit.action")}
          style={{ width: 220 }}
          value={filters.action}
          onChange={(action) => filter({ action })}
          options={actions.map((a) => ({ value: a, label: labels.action(a) }))}
          data-testid="audit-action-filter"
        />
        <Input.Search
          allowClear
          placeholder={t("audit.actor")}
          style={{ width: 180 }}
          value={actorText}
          onChange={(e) => setActorText(e.target.value)}
          onSearch={(actor) => filter({ actor: actor.trim() || undefined })}
          data-testid="audit-actor"
        />
        <DatePicker.RangePicker
          placeholder={[t("audit.range.start"), t("audit.range.end")]}
          onChange={(days: [Dayjs | null, Dayjs | null] | null) =>
            filter({ fromDay: days?.[0]?.format("YYYY-MM-DD"), toDay: days?.[1]?.format("YYYY-MM-DD") })
          }
          data-testid="audit-range"
        />
        <Button
          onClick={() => {
            setActorText("");
            setFilters({});
            setCursors([undefined]);
          }}
        >
          {t("audit.reset")}
        </Button>
        <Button
          type="primary"
          href={auditExportUrl(filters)}
          download
          title={t("audit.exportTitle", { max: AUDIT_EXPORT_MAX_ROWS })}
          data-testid="audit-export"
        >
          {t("audit.export")}
        </Button>
      </Space>
      {page.error && <Alert type="error" showIcon title={page.error.message} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={page.data?.entries ?? []}
        loading={page.isFetching}
        pagination={false}
        locale={{ emptyText: t("audit.empty") }}
        expandable={{
          expandedRowRender: (entry) => <Change entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        onRow={(entry) => ({ "data-testid": "audit-row", "data-id": entry.id }) as React.HTMLAttributes<HTMLElement>}
        data-testid="audit-table"
      />
      <Space style={{ marginTop: 12 }} data-testid="audit-pager">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-prev">
          {t("audit.prev")}
        </Button>
        <span data-testid="audit-page" data-page={cursors.length}>
          {t("audit.page", { n: cursors.length, size: PAGE_SIZE })}
        </span>
        <Button
          disabled={!page.data?.nextBefore || page.isPlaceholderData}
          onClick={() => {
            const next = page.data?.nextBefore;
            if (next) setCursors((c) => [...c, next]);
          }}
          data-testid="audit-next"
        >
          {t("audit.next")}
        </Button>
      </Space>
    </div>
  );
}
