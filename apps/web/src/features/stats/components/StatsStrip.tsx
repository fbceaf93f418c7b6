// Open incidents, available units, today's median call-to-dispatch: refreshed every 10 s and on events.
import { Space, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../i18n";
import { useLiveStats } from "../api/live-stats";

export function StatsStrip() {
  const { t } = useTranslation();
  const { data } = useLiveStats();
  const style = { content: { color: "#fff", fontSize: 18 }, title: { color: "#cbd5e1", fontSize: 11 } };
  return (
    <Space size="large" className="onemap-stats" data-testid="stats">
      <span data-testid="stat-open">
        <Statistic title={t("stats.open")} value={data?.openIncidents.total ?? "—"} styles={style} />
      </span>
      <span data-testid="stat-available">
        <Statistic title={t("stats.available")} value={data?.units.available ?? "—"} styles={style} />
      </span>
      <span data-testid="stat-median">
        <Statistic
          title={t("stats.median")}
          value={data?.today.medianCallToDispatchS != null ? formatDuration(data.today.medianCallToDispatchS) : t("stats.none")}
          styles={style}
        />
      </span>
    </Space>
  );
}
