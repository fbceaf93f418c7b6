// The incident's one action, always in view at the top of the panel: dispatch the top recommendation
// (D), or — for a call that is not police business — hand it over first. "Send another unit" and
// "police for a non-police call" wait for a confirmation (Enter), with the reason where one is needed.
import { transferDepartmentFor } from "@onemap/domain";
import type { IncidentCategory, TransferDepartment } from "@onemap/shared";
import { TRANSFER_DEPARTMENTS } from "@onemap/shared/vocabulary";
import { Alert, App as AntApp, Button, Input, Space, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel, formatDuration } from "../../../i18n";
import { useLive } from "../../../realtime/store";
import { useCommand } from "../../../ui/commands";
import { ui } from "../../../ui/store";
import { useRecommendations } from "../api/recommendations";
import { useTransferIncident } from "../api/transfer";
import { useDispatchAction } from "../hooks/useDispatchAction";

export function DispatchBar({ incidentId, category }: { incidentId: string; category: IncidentCategory }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data } = useRecommendations(incidentId);
  const { press, confirm, pending, refusal, onTheWay, police, ask } = useDispatchAction(incidentId);
  const transfer = useTransferIncident();
  const suggested = transferDepartmentFor(category);
  const [department, setDepartment] = useState<TransferDepartment | undefined>(suggested ?? undefined);
  const [reason, setReason] = useState("");
  // the list may be a moment behind: a unit the board already knows is taken is not offered
  const units = useLive((s) => s.units);
  /** the asked-for unit goes; the reason is for this unit only */
  const send = () => {
    if (ask?.needsReason && reason.trim().length < 2) return;
    confirm(reason);
    setReason("");
  };
  const top = data?.recommendations.find((r) => (units[r.unitId]?.status ?? "AVAILABLE") === "AVAILABLE");
  // D and Enter do what the buttons below do (nothing while there is no top unit, or nothing asked)
  useCommand("dispatch-top", () => {
    if (top && !pending) press(top);
  });
  useCommand("confirm-dispatch", () => {
    if (ask) send();
  });

  const handOver = (to: TransferDepartment) =>
    transfer.mutate(
      {
        incidentId,
        department: to,
        reason: t("actions.autoReason", { category: categoryLabel(category), department: t(`departments.${to}`) }),
      },
      { onError: (e) => void message.error(t("errors.generic", { message: e.message })) },
    );

  return (
    <div className="onemap-dispatch-bar" data-testid="dispatch-bar">
      {!police && (
        <div className="onemap-non-police" data-testid="non-police">
          <span>{suggested ? t("actions.nonPolice", { department: t(`departments.${suggested}`) }) : t("actions.nonPoliceChoose")}</span>
          {suggested ? (
            <Button type="primary" loading={transfer.isPending} onClick={() => handOver(suggested)} data-testid="transfer-suggested">
              {t("actions.transferTo", { department: t(`departments.${suggested}`) })}
            </Button>
          ) : (
            <Space.Compact>
              <select
                className="onemap-select"
                value={department ?? ""}
                onChange={(e) => setDepartment(e.target.value as TransferDepartment)}
                aria-label={t("actions.department")}
                data-testid="transfer-department"
              >
                <option value="" disabled>
                  {t("actions.department")}
                </option>
                {TRANSFER_DEPARTMENTS.map((d) => (
                  <option key={d} value={d}>
                    {t(`departments.${d}`)}
                  </option>
                ))}
              </select>
              <Button type="primary" disabled={!department} loading={transfer.isPending} onClick={() => department && handOver(department)}>
                {t("actions.transfer")}
              </Button>
            </Space.Compact>
          )}
        </div>
      )}
      {top && (
        <div className="onemap-dispatch-top">
          <Button
            type={police ? "primary" : "default"}
            danger={police}
            onClick={() => press(top)}
            loading={pending}
            data-testid="dispatch-top"
            data-board-keys
            data-callsign={top.callsign}
            data-another={onTheWay ? "true" : "false"}
            title="D"
          >
            {!police
              ? `${t("actions.dispatchAnyway")}: ${top.callsign}`
              : onTheWay
                ? t("recs.sendAnother", { callsign: top.callsign })
                : t("recs.dispatchTop", { callsign: top.callsign })}{" "}
            (D)
          </Button>
          <span className="onemap-muted">
            {t("recs.eta")} {t("recs.minutes", { n: Math.max(1, Math.round(top.etaS / 60)) })} ·{" "}
            {t("recs.km", { n: (top.distanceM / 1000).toFixed(1) })}
          </span>
          {top.stale && (
            <Tooltip title={t("recs.staleEta", { age: formatDuration(top.lastFixAgeS) })}>
              <Tag color="warning" data-testid="stale-eta">
                {t("recs.fixAgeShort", { age: formatDuration(top.lastFixAgeS) })}
              </Tag>
            </Tooltip>
          )}
        </div>
      )}
      {ask && (
        <Alert
          type={ask.needsReason ? "warning" : "info"}
          showIcon
          data-testid="dispatch-ask"
          title={ask.another ? t("recs.confirmAnother", { callsign: ask.callsign }) : t("recs.reasonTitle")}
          description={
            <Space direction="vertical" style={{ width: "100%" }} size={4}>
              {ask.needsReason && (
                <Input
                  autoFocus
                  value={reason}
                  maxLength={500}
                  aria-label={t("recs.reasonTitle")}
                  placeholder={ask.another ? t("recs.reasonTitle") : t("recs.reasonPlaceholder")}
                  onChange={(e) => setReason(e.target.value)}
                  onPressEnter={send}
                  data-testid="dispatch-reason"
                />
              )}
              <Space>
                <Button
                  type="primary"
                  danger
                  disabled={ask.needsReason && reason.trim().length < 2}
                  onClick={send}
                  data-testid="dispatch-confirm"
                  data-board-keys
                >
                  {ask.needsReason ? t("recs.sendWithReason", { callsign: ask.callsign }) : t("recs.confirm")}
                </Button>
                <Button onClick={() => ui.askDispatch(null)} data-testid="dispatch-cancel">
                  {t("recs.cancelConfirm")}
                </Button>
              </Space>
            </Space>
          }
        />
      )}
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="dispatch-refused" />}
    </div>
  );
}
