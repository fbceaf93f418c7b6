// One unit: status, leader, crew, station, how old its last fix is; set it on patrol, busy, off duty or
// out of service (not while it is on an incident: the server says so), or replay its track.
import { ManualUnitStatus } from "@onemap/shared";
import { STALE_FIX_MS } from "@onemap/shared/vocabulary";
import { App as AntApp, Button, Descriptions, Drawer, Segmented, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../i18n";
import { getPosition } from "../../../realtime/positions";
import { useLive } from "../../../realtime/store";
import { STATUS_COLOUR } from "../../../ui/colours";
import { ui, useUi } from "../../../ui/store";
import { useNow } from "../../../ui/useNow";
import { useSetUnitStatus } from "../api/set-unit-status";
import { useUnitDuty } from "../api/unit-duty";

export function UnitCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const id = useUi((s) => s.unitId);
  const unit = useLive((s) => (id ? s.units[id] : undefined));
  const station = useLive((s) => [...(s.board?.stations ?? []), ...(s.board?.departments ?? [])].find((x) => x.id === unit?.homeStationId));
  const setStatus = useSetUnitStatus();
  const duty = useUnitDuty(unit?.id);
  const now = useNow(1000);
  const fix = unit ? getPosition(unit.id) : undefined;
  const manual = ManualUnitStatus.options as readonly string[];
  return (
    <Drawer
      open={unit !== undefined}
      onClose={() => ui.openUnit(null)}
      title={unit?.callsign}
      size={360}
      mask={false}
      data-testid="unit-card"
    >
      {unit && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("units.status")}>
              <Tag color={STATUS_COLOUR[unit.status]} data-testid="unit-status">
                {t(`unitStatus.${unit.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("units.kind")}>{t(`unitKind.${unit.kind}`)}</Descriptions.Item>
            {duty.data?.reported ? (
              // the station reported this shift: who crews the unit now, not its standing crew
              <Descriptions.Item label={t("units.onShift")}>
                <span data-testid="unit-duty-crew">
                  {duty.data.crew.length === 0
                    ? t("units.notCrewed")
                    : duty.data.crew.map((c) => (c.leader ? t("units.crewLeader", { name: c.name }) : c.name)).join(t("units.separator"))}
                </span>
              </Descriptions.Item>
            ) : (
              <>
                <Descriptions.Item label={t("recs.leader")}>
                  {unit.leader ? `${unit.leader.name}${unit.leader.phone ? ` ${unit.leader.phone}` : ""}` : "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("recs.members")}>{unit.memberCount}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t("recs.station")}>{station?.name ?? unit.homeStationId}</Descriptions.Item>
            {unit.reinforcementGroup && (
              <Descriptions.Item label={t("units.group")}>{t(`groups.${unit.reinforcementGroup}`)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t("recs.fixAge")}>
              {fix ? (
                <span>
                  {formatDuration((now - fix.fixAt) / 1000)}
                  {now - fix.fixAt > STALE_FIX_MS && <Tag style={{ marginLeft: 6 }}>{t("recs.stale")}</Tag>}
                </span>
              ) : (
                "—"
              )}
            </Descriptions.Item>
          </Descriptions>
          {manual.includes(unit.status) && (
            <div style={{ marginTop: 12 }}>
              <Segmented
                block
                value={unit.status}
                options={ManualUnitStatus.options.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
                onChange={(status) =>
                  setStatus.mutate(
                    { unitId: unit.id, status: status as (typeof ManualUnitStatus.options)[number], version: unit.version },
                    { onError: (e) => void message.error(t("errors.generic", { message: e.message })) },
                  )
                }
                data-testid="unit-status-switch"
              />
            </div>
          )}
          <Button style={{ marginTop: 12 }} block onClick={() => ui.openPlayback(unit.id)}>
            {t("unitPopup.track")}
          </Button>
        </>
      )}
    </Drawer>
  );
}
