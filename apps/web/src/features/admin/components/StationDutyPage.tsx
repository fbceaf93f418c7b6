// 本所勤务: a station's duty report of one shift (三班两运转: night 0–8, day 8–16, evening 16–24, China
// time) — who is on shift, which unit each crews and who leads each crew. Edits stay in a draft until
// Save, which replaces the shift's report (PUT /api/stations/:id/duty). The conflicts the server would
// refuse — and a crewed unit nobody leads — are @onemap/domain's checkStationDuty, listed before Save.
// A chief reports for their own station; an administrator picks one.
import { addDays, checkStationDuty, chinaDate, previousShift, ROSTER_SHIFTS, type StationDutyLine, shiftAt } from "@onemap/domain";
import type { Me, Shift, StationDuty } from "@onemap/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, DatePicker, Segmented, Select, Space, Spin, Switch, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import { useStations } from "../api/devices";
import { fetchStationDutyOf, putStationDuty, useStationDuty } from "../api/station-duty";

type Line = { unitId: string | null; leader: boolean };
type Draft = Record<string, Line>;

const draftOf = (duty: StationDuty): Draft =>
  Object.fromEntries(duty.entries.map((e) => [e.officerId, { unitId: e.unitId, leader: e.leader }]));
const sameDraft = (a: Draft, b: Draft) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([id, l]) => b[id] !== undefined && b[id].unitId === l.unitId && b[id].leader === l.leader);

export function StationDutyPage({ me }: { me: Me }) {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const client = useQueryClient();
  const stations = useStations();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const stationId = me.role === "STATION_CHIEF" ? (me.stationId ?? undefined) : picked;
  const [date, setDate] = useState(() => chinaDate(new Date()));
  const [shift, setShift] = useState<Shift>(() => shiftAt(new Date()));
  const duty = useStationDuty(stationId, date, shift);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string[]>([]);

  const server = duty.data ? draftOf(duty.data) : {};
  const current = draft ?? server;
  const changed = draft !== null && !sameDraft(draft, server);
  const officers = duty.data?.officers ?? [];
  const units = duty.data?.units ?? [];
  const nameOf = (id: string) => officers.find((o) => o.id === id)?.name ?? id;
  const callsignOf = (id: string) => units.find((u) => u.id === id)?.callsign ?? id;
  // the report in the station's officer order: what is checked and what is saved
  const lines: (StationDutyLine & { officerId: string })[] = officers
    .filter((o) => current[o.id])
    .map((o) => ({ officerId: o.id, unitId: current[o.id]?.unitId ?? null, leader: current[o.id]?.leader ?? false }));
  const check = checkStationDuty(lines, { officerIds: new Set(officers.map((o) => o.id)), unitIds: new Set(units.map((u) => u.id)) });
  const conflicts = [
    ...check.issues.map((i) => ({
      officerId: lines[i.index]?.officerId ?? "",
      text: t("stationDuty.issue", {
        name: nameOf(lines[i.index]?.officerId ?? ""),
        reason: issueMessage({ message: "", code: `field:${i.key}` }),
      }),
    })),
    ...check.warnings.map((w) => ({ officerId: "", text: t("stationDuty.unitWithoutLeader", { unit: callsignOf(w.unitId) }) })),
  ];

  const goTo = (nextDate: string, nextShift: Shift) => {
    setDraft(null);
    setRefusal([]);
    setDate(nextDate);
    setShift(nextShift);
  };
  const edit = (officerId: string, line: Line | null) =>
    setDraft((d) => {
      const next = { ...(d ?? server) };
      if (line) next[officerId] = line;
      else delete next[officerId];
      return next;
    });

  const copyFrom = async (from: { date: string; shift: Shift }) => {
    if (!stationId) return;
    const words = { date: from.date, shift: t(`roster.shifts.${from.shift}`) };
    try {
      const source = await fetchStationDutyOf(client, stationId, from.date, from.shift);
      if (source.entries.length === 0) return void message.info(t("stationDuty.copyEmpty", words));
      // people and units since retired or moved are left out
      const known = new Set(officers.map((o) => o.id));
      const kept = new Set(units.map((u) => u.id));
      setDraft(
        Object.fromEntries(
          source.entries
            .filter((e) => known.has(e.officerId))
            .map((e) => [
              e.officerId,
              { unitId: e.unitId && kept.has(e.unitId) ? e.unitId : null, leader: e.leader && Boolean(e.unitId && kept.has(e.unitId)) },
            ]),
        ),
      );
      message.success(t("stationDuty.copied", words));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const save = async () => {
    if (!stationId) return;
    setSaving(true);
    setRefusal([]);
    try {
      const saved = await putStationDuty(client, stationId, {
        date,
        shift,
        entries: lines.map((l) => ({ officerId: l.officerId, unitId: l.unitId ?? null, leader: l.leader ?? false })),
      });
      setDraft(null);
      message.success(t("stationDuty.saved", { count: saved.entries.length }));
    } catch (error) {
      // a refused entry is named by its officer: body.entries.<n>.<field>
      if (error instanceof ApiError && error.issues.length > 0)
        setRefusal(
          error.issues.map((issue) => {
            const n = /^body\.entries\.(\d+)/.exec(issue.path)?.[1];
            const who = n === undefined ? undefined : lines[Number(n)]?.officerId;
            return who ? t("stationDuty.issue", { name: nameOf(who), reason: issueMessage(issue) }) : issueMessage(issue);
          }),
        );
      else setRefusal([error instanceof Error ? error.message : String(error)]);
    } finally {
      setSaving(false);
    }
  };

  const flagged = new Set(conflicts.map((c) => c.officerId));
  const crewed = new Set(lines.flatMap((l) => (l.unitId ? [l.unitId] : [])));
  return (
    <div data-testid="station-duty-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("stationDuty.title")}
        {duty.data ? ` · ${duty.data.stationName}` : ""}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("stationDuty.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {me.role !== "STATION_CHIEF" && (
          <Select
            style={{ width: 200 }}
            placeholder={t("stationDuty.pickStation")}
            value={picked}
            disabled={changed}
            onChange={(v) => {
              setDraft(null);
              setPicked(v);
            }}
            options={(stations.data ?? []).filter((s) => s.kind === "POLICE_STATION").map((s) => ({ value: s.id, label: s.name }))}
            data-testid="sd-station"
          />
        )}
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          disabled={changed}
          onChange={(d) => d && goTo(d.format("YYYY-MM-DD"), shift)}
          data-testid="sd-date"
        />
        <Segmented
          value={shift}
          disabled={changed}
          onChange={(v) => goTo(date, v as Shift)}
          options={ROSTER_SHIFTS.map((s) => ({ value: s, label: `${t(`roster.shifts.${s}`)} ${t(`roster.hours.${s}`)}` }))}
          data-testid="sd-shift"
        />
        <Button disabled={changed} onClick={() => goTo(chinaDate(new Date()), shiftAt(new Date()))}>
          {t("stationDuty.now")}
        </Button>
        <Button disabled={!duty.data} onClick={() => void copyFrom(previousShift(date, shift))} data-testid="sd-copy-previous">
          {t("stationDuty.copyPrevious")}
        </Button>
        <Button disabled={!duty.data} onClick={() => void copyFrom({ date: addDays(date, -1), shift })} data-testid="sd-copy-yesterday">
          {t("stationDuty.copyYesterday")}
        </Button>
      </Space>
      {!stationId ? null : !duty.data ? (
        <Spin />
      ) : (
        <>
          <Space direction="vertical" style={{ width: "100%", marginBottom: 12 }}>
            <Space wrap>
              <Tag color={duty.data.reported ? "blue" : "default"} data-testid="sd-reported">
                {duty.data.reported ? t("stationDuty.reported", { count: duty.data.entries.length }) : t("stationDuty.notReported")}
              </Tag>
              <span data-testid="sd-summary">{t("stationDuty.summary", { people: lines.length, units: crewed.size })}</span>
              {changed && <Tag color="orange">{t("stationDuty.unsaved")}</Tag>}
            </Space>
            {conflicts.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                data-testid="sd-conflicts"
                message={t("stationDuty.conflicts", { count: conflicts.length })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {conflicts.map((c) => (
                      <li key={c.text}>{c.text}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Typography.Text type="success">{t("stationDuty.noConflicts")}</Typography.Text>
            )}
            {refusal.length > 0 && (
              <Alert
                type="error"
                showIcon
                data-testid="sd-refusal"
                message={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {refusal.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Space>
              <Button
                type="primary"
                loading={saving}
                disabled={!changed || check.issues.length > 0}
                onClick={() => void save()}
                data-testid="sd-save"
              >
                {t("stationDuty.save")}
              </Button>
              <Button disabled={!changed} onClick={() => setDraft(null)}>
                {t("stationDuty.reset")}
              </Button>
            </Space>
          </Space>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={officers}
            onRow={(o) =>
              ({ "data-testid": "sd-row", "data-officer": o.id, style: flagged.has(o.id) ? { background: "#fff7e6" } : undefined }) as never
            }
            columns={[
              {
                title: t("stationDuty.onShift"),
                width: 64,
                render: (_, o) => (
                  <Checkbox
                    checked={Boolean(current[o.id])}
                    onChange={(e) => edit(o.id, e.target.checked ? { unitId: null, leader: false } : null)}
                    data-testid="sd-on"
                  />
                ),
              },
              {
                title: t("stationDuty.officer"),
                render: (_, o) => (
                  <span>
                    {o.name} <Typography.Text type="secondary">{o.badgeNo}</Typography.Text> {o.title ? `· ${o.title}` : ""}{" "}
                    {o.auxiliary && <Tag>{t("stationDuty.auxiliary")}</Tag>}
                  </span>
                ),
              },
              {
                title: t("stationDuty.unit"),
                width: 220,
                render: (_, o) => (
                  <Select
                    style={{ width: 200 }}
                    disabled={!current[o.id]}
                    value={current[o.id]?.unitId ?? ""}
                    onChange={(v) => edit(o.id, { unitId: v || null, leader: v ? (current[o.id]?.leader ?? false) : false })}
                    options={[{ value: "", label: t("stationDuty.noUnit") }, ...units.map((u) => ({ value: u.id, label: u.callsign }))]}
                    data-testid="sd-unit"
                  />
                ),
              },
              {
                title: t("stationDuty.leader"),
                width: 72,
                render: (_, o) => (
                  <Switch
                    size="small"
                    checked={current[o.id]?.leader ?? false}
                    disabled={!current[o.id]?.unitId}
                    onChange={(v) => edit(o.id, { unitId: current[o.id]?.unitId ?? null, leader: v })}
                    data-testid="sd-leader"
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
