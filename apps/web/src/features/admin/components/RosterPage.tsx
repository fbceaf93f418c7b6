// 值班表: a week (Monday–Sunday, China dates) × the three shifts × the roles, each cell its officers.
// Edits stay in a draft until Save, which writes each changed day with PUT /api/duty (all or nothing
// per day, as the API does; a day that fails is named). The warnings — the same officer twice in a
// shift, a shift without a leader for a tier (duty, supervising, principal) or a commander — are @onemap/domain's checkRoster, shown on the
// cells and listed above Save. Duty leaders (their one page of the area) and administrators reach it.
import {
  addDays,
  checkRoster,
  chinaDate,
  copyWeek,
  ROSTER_ROLES,
  ROSTER_SHIFTS,
  type RosterSlot,
  type RosterWarning,
  sameRosterDay,
  shiftAt,
  weekOf,
} from "@onemap/domain";
import type { Duty, DutyRole, Shift } from "@onemap/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Select, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchDutyDays, putDutyDay, useDutyWeek, useOfficerSearch } from "../api/duty";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Week = Record<string, RosterSlot[]>;
interface Cell {
  date: string;
  shift: Shift;
  role: DutyRole;
}
const slotsOf = (duty: Duty): RosterSlot[] => duty.entries.map((e) => ({ shift: e.shift, role: e.role, officerId: e.officer.id }));

/** the officer picker of one cell: search by name or badge number, pick one */
function OfficerPicker({ onPick, onClose }: { onPick: (o: { id: string; name: string }) => void; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const [term, setTerm] = useState("");
  const found = useOfficerSearch(term);
  return (
    <Select
      autoFocus
      defaultOpen
      showSearch={{ filterOption: false, onSearch: setTerm }}
      placeholder={t("roster.pick")}
      style={{ width: "100%" }}
      loading={found.isFetching}
      notFoundContent={term.trim() ? t("roster.pickEmpty") : null}
      options={(found.data ?? []).map((o) => ({ value: o.id, label: `${o.name} ${o.badgeNo} · ${o.stationName}`, name: o.name }))}
      onSelect={(_, option) => onPick({ id: option.value, name: option.name })}
      onBlur={onClose}
      onOpenChange={(open) => !open && onClose()}
      data-testid="roster-picker"
      popupMatchSelectWidth={260}
    />
  );
}

/** what a cell says when its role is missing from the shift (an empty shift: the leader's and the commander's cells) */
const MISSING_IN_CELL = {
  PRINCIPAL_LEADER: "no_principal_leader",
  SUPERVISING_LEADER: "no_supervising_leader",
  DUTY_LEADER: "no_duty_leader",
  COMMANDER: "no_commander",
  OPERATOR: "no_duty_leader",
} as const;

export function RosterPage() {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const today = chinaDate(new Date());
  const nowShift = shiftAt(new Date());
  const [anchor, setAnchor] = useState(today);
  const week = useMemo(() => weekOf(anchor), [anchor]);
  const days = useDutyWeek(week);
  const loaded = days.every((d) => d.data);
  const [draft, setDraft] = useState<Week | null>(null);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [picking, setPicking] = useState<Cell | null>(null);
  const [saving, setSaving] = useState(false);
  const [failures, setFailures] = useState<{ date: string; reason: string }[]>([]);

  const server: Week = {};
  const names: Record<string, string> = { ...picked };
  for (const d of days) {
    if (!d.data) continue;
    server[d.data.date] = slotsOf(d.data);
    for (const e of d.data.entries) names[e.officer.id] = e.officer.name;
  }
  const current: Week = draft ?? server;
  const changed = loaded ? week.filter((date) => !sameRosterDay(current[date] ?? [], server[date] ?? [])) : [];
  const warnings = loaded ? checkRoster(week.map((date) => ({ date, entries: current[date] ?? [] }))) : [];

  // another week starts from what is saved (navigating is disabled while a change is unsaved)
  const goTo = (date: string) => {
    setDraft(null);
    setFailures([]);
    setAnchor(date);
  };
  const dayLabel = (date: string) => `${t(`roster.weekdays.${WEEKDAYS[week.indexOf(date)] ?? "mon"}`)} ${date.slice(5)}`;
  const edit = (date: string, change: (entries: RosterSlot[]) => RosterSlot[]) =>
    setDraft((d) => {
      const base = d ?? server;
      return { ...base, [date]: change([...(base[date] ?? [])]) };
    });

  const copyLastWeek = async () => {
    try {
      const previous = await fetchDutyDays(
        client,
        week.map((d) => addDays(d, -7)),
      );
      if (previous.every((d) => d.entries.length === 0)) {
        message.info(t("roster.copyEmpty"));
        return;
      }
      const more: Record<string, string> = {};
      for (const d of previous) for (const e of d.entries) more[e.officer.id] = e.officer.name;
      setPicked((p) => ({ ...p, ...more }));
      const copied = copyWeek(
        previous.map((d) => ({ date: d.date, entries: slotsOf(d) })),
        week.map((date) => ({ date, entries: current[date] ?? [] })),
      );
      setDraft(Object.fromEntries(copied.map((d) => [d.date, [...d.entries]])));
      message.success(t("roster.copied"));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const save = async () => {
    setSaving(true);
    const failed: { date: string; reason: string }[] = [];
    for (const date of changed) {
      const entries = current[date] ?? [];
      if (entries.length === 0) {
        failed.push({ date, reason: t("roster.emptyDay") });
        continue;
      }
      try {
        await putDutyDay(client, date, entries);
      } catch (error) {
        failed.push({ date, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    setSaving(false);
    setFailures(failed);
    const saved = changed.length - failed.length;
    if (saved > 0) message.success(t("roster.saved", { count: saved }));
    // the saved days now match the server; the failed ones stay in the draft
    if (failed.length === 0) setDraft(null);
  };

  // the warnings of each cell, and the list above Save (a day with nobody at all said once)
  const cellWarnings = (c: Cell) =>
    warnings.filter(
      (w) =>
        w.date === c.date &&
        w.shift === c.shift &&
        ((w.kind === "no_duty_leader" && c.role === "DUTY_LEADER") ||
          (w.kind === "no_supervising_leader" && c.role === "SUPERVISING_LEADER") ||
          (w.kind === "no_principal_leader" && c.role === "PRINCIPAL_LEADER") ||
          (w.kind === "no_commander" && c.role === "COMMANDER") ||
          (w.kind === "shift_empty" && (c.role === "DUTY_LEADER" || c.role === "COMMANDER")) ||
          (w.kind === "twice_in_shift" && w.roles.includes(c.role))),
    );
  const emptyDays = week.filter(
    (date) => warnings.filter((w) => w.date === date && w.kind === "shift_empty").length === ROSTER_SHIFTS.length,
  );
  const listed: { key: string; text: string; kind: RosterWarning["kind"] | "day_empty" }[] = [
    ...emptyDays.map((date) => ({
      key: `${date}-empty`,
      kind: "day_empty" as const,
      text: t("roster.warning.day_empty", { day: dayLabel(date) }),
    })),
    ...warnings
      .filter((w) => !emptyDays.includes(w.date))
      .map((w) => ({
        key: `${w.date}-${w.shift}-${w.kind}-${w.kind === "twice_in_shift" ? w.officerId : ""}`,
        kind: w.kind,
        text: t(`roster.warning.${w.kind}`, {
          day: dayLabel(w.date),
          shift: t(`roster.shifts.${w.shift}`),
          name: w.kind === "twice_in_shift" ? (names[w.officerId] ?? w.officerId) : "",
          roles: w.kind === "twice_in_shift" ? w.roles.map((r) => tb(`dutyRoles.${r}`)).join(t("roster.separator")) : "",
        }),
      })),
  ];

  const rows = ROSTER_SHIFTS.flatMap((shift) => ROSTER_ROLES.map((role, i) => ({ key: `${shift}-${role}`, shift, role, first: i === 0 })));

  const renderCell = (c: Cell) => {
    const entries = (current[c.date] ?? []).filter((e) => e.shift === c.shift && e.role === c.role);
    const inShift = (current[c.date] ?? []).filter((e) => e.shift === c.shift);
    const ws = cellWarnings(c);
    const leaderMissing = ws.some((w) => w.kind !== "twice_in_shift");
    const seen = new Map<string, number>();
    const isPicking = picking?.date === c.date && picking.shift === c.shift && picking.role === c.role;
    return (
      <div
        data-testid="roster-cell"
        data-date={c.date}
        data-shift={c.shift}
        data-role={c.role}
        data-warning={ws.length > 0 ? ws.map((w) => w.kind).join(" ") : undefined}
        style={{
          minHeight: 26,
          padding: 2,
          borderRadius: 4,
          background: leaderMissing ? "#fff1f0" : undefined,
          outline: leaderMissing ? "1px dashed #ff7875" : undefined,
        }}
      >
        {leaderMissing && <div style={{ color: "#cf1322", fontSize: 12 }}>⚠ {t(`roster.cell.${MISSING_IN_CELL[c.role]}`)}</div>}
        {entries.map((e) => {
          // one officer may sit in a cell twice (a warning): the key counts which time this is
          const nth = (seen.get(e.officerId) ?? 0) + 1;
          seen.set(e.officerId, nth);
          const key = `${e.officerId}-${nth}`;
          const name = names[e.officerId] ?? e.officerId;
          const twice = inShift.filter((x) => x.officerId === e.officerId).length > 1;
          const tag = (
            <Tag
              key={key}
              color={twice ? "red" : c.date === today && c.shift === nowShift ? "blue" : undefined}
              closable
              onClose={(ev) => {
                ev.preventDefault();
                edit(c.date, (list) => {
                  const at = list.findIndex((x) => x.shift === c.shift && x.role === c.role && x.officerId === e.officerId);
                  return list.filter((_, k) => k !== at);
                });
              }}
              style={{ marginInlineEnd: 2, marginBottom: 2 }}
              data-testid="roster-officer"
              data-officer={e.officerId}
              data-twice={twice || undefined}
            >
              {twice && "⚠ "}
              {name}
            </Tag>
          );
          return twice ? (
            <Tooltip key={key} title={t("roster.cell.twice", { name })}>
              {tag}
            </Tooltip>
          ) : (
            tag
          );
        })}
        {isPicking ? (
          <OfficerPicker
            onPick={(o) => {
              setPicked((p) => ({ ...p, [o.id]: o.name }));
              edit(c.date, (list) => [...list, { shift: c.shift, role: c.role, officerId: o.id }]);
              setPicking(null);
            }}
            onClose={() => setPicking(null)}
          />
        ) : (
          <Button
            type="text"
            size="small"
            aria-label={`${t("roster.add")} ${dayLabel(c.date)} ${t(`roster.shifts.${c.shift}`)} ${tb(`dutyRoles.${c.role}`)}`}
            onClick={() => setPicking(c)}
            style={{ color: "#999", padding: "0 4px", height: 20 }}
            data-testid="roster-add"
          >
            +
          </Button>
        )}
      </div>
    );
  };

  return (
    <div data-testid="roster-page" data-loaded={loaded || undefined}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("roster.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("roster.hint")}</Typography.Paragraph>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, justifyContent: "space-between", marginBottom: 8 }}>
        <Space wrap align="center">
          <Button onClick={() => goTo(addDays(week[0] ?? anchor, -7))} disabled={changed.length > 0} data-testid="roster-prev">
            ‹ {t("roster.prevWeek")}
          </Button>
          <Button onClick={() => goTo(today)} disabled={changed.length > 0 || week.includes(today)} data-testid="roster-this-week">
            {t("roster.thisWeek")}
          </Button>
          <Button onClick={() => goTo(addDays(week[0] ?? anchor, 7))} disabled={changed.length > 0} data-testid="roster-next">
            {t("roster.nextWeek")} ›
          </Button>
          <strong data-testid="roster-week" data-from={week[0]}>
            {t("roster.week", { from: week[0], to: week[6] })}
          </strong>
          <Button onClick={copyLastWeek} disabled={!loaded || saving} data-testid="roster-copy">
            {t("roster.copy")}
          </Button>
        </Space>
        <Space align="center">
          <Button type="primary" onClick={save} loading={saving} disabled={changed.length === 0} data-testid="roster-save">
            {t("roster.save")}
          </Button>
          <Button
            onClick={() => {
              setDraft(null);
              setFailures([]);
            }}
            disabled={changed.length === 0 || saving}
            data-testid="roster-reset"
          >
            {t("roster.reset")}
          </Button>
          <Typography.Text type="secondary" data-testid="roster-changed" data-count={changed.length}>
            {changed.length > 0 ? t("roster.changed", { count: changed.length }) : t("roster.nothingToSave")}
          </Typography.Text>
        </Space>
      </div>
      <div data-testid="roster-summary">
        {failures.map((f) => (
          <Alert
            key={f.date}
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            message={t("roster.failed", { day: `${dayLabel(f.date)}`, reason: f.reason })}
            data-testid="roster-failure"
          />
        ))}
        {loaded && (
          <Alert
            type={listed.length > 0 ? "warning" : "success"}
            showIcon
            style={{ marginBottom: 8 }}
            message={
              listed.length > 0 ? (
                <div>
                  <strong>{t("roster.warnings", { count: listed.length })}</strong>
                  <ul style={{ margin: "4px 0 0", paddingInlineStart: 18, maxHeight: 84, overflow: "auto" }} data-testid="roster-warnings">
                    {listed.map((w) => (
                      <li key={w.key} data-kind={w.kind}>
                        {w.text}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                t("roster.noWarnings")
              )
            }
          />
        )}
      </div>
      {!loaded ? (
        <Spin />
      ) : (
        <Table
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          tableLayout="fixed"
          columns={[
            {
              key: "shift",
              title: t("roster.shift"),
              width: 70,
              onCell: (r) => ({ rowSpan: r.first ? ROSTER_ROLES.length : 0 }),
              render: (_, r) => (
                <div>
                  <strong>{t(`roster.shifts.${r.shift}`)}</strong>
                  <div style={{ fontSize: 12, color: "#888" }}>{t(`roster.hours.${r.shift}`)}</div>
                </div>
              ),
            },
            { key: "role", title: t("roster.role"), width: 100, render: (_, r) => tb(`dutyRoles.${r.role}`) },
            ...week.map((date) => ({
              key: date,
              title: (
                <span data-testid="roster-day" data-date={date} style={date === today ? { color: "#1677ff" } : undefined}>
                  {dayLabel(date)}
                  {date === today && ` · ${t("roster.today")}`}
                  {changed.includes(date) && " *"}
                </span>
              ),
              onCell: () => ({ style: { verticalAlign: "top", padding: 4, background: date === today ? "#f0f7ff" : undefined } }),
              render: (_: unknown, r: (typeof rows)[number]) => renderCell({ date, shift: r.shift, role: r.role }),
            })),
          ]}
        />
      )}
    </div>
  );
}
