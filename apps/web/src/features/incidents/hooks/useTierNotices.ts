// A tier change on any incident the board can see pops a notice for a few seconds (who, what, why).
import { App as AntApp } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLive } from "../../../realtime/store";
import { ui } from "../../../ui/store";

export function useTierNotices() {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  const change = useLive((s) => s.lastTierChange);
  useEffect(() => {
    if (!change) return;
    const incident = useLive.getState().incidents[change.incidentId];
    notification.warning({
      key: `tier-${change.incidentId}`,
      title: t("incident.tierChanged", {
        number: incident?.number ?? "",
        from: t(`tiers.${change.from}`),
        to: t(`tiers.${change.to}`),
      }),
      description: `${change.by}：${change.reason}`,
      placement: "bottomRight",
      duration: 8,
      onClick: () => ui.select(change.incidentId),
    });
  }, [change, notification, t]);
}
