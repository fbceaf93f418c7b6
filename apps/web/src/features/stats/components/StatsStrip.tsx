// Open incidents, available units, today's call-to-dispatch (from the call start, not the form's
// submission) as median and 90th percentile: refreshed every 10 s and on events.
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
      <span data-testid="stat-median" title={t("stats.medianTitle")}>
        <Statistic
          title={t("stats.median")}
          value={data?.today.medianCallToDispatchS != null ? formatDuration(data.today.medianCallToDispatchS) : t("stats.none")}
          styles={style}
        />
      </span>
      <span data-testid="stat-p90" title={t("stats.medianTitle")}>
        <Statistic
          title={t("stats.p90")}
          value={data?.today.p90CallToDispatchS != null ? formatDuration(data.today.p90CallToDispatchS) : t("stats.none")}
          styles={style}
        />
      </span>
    </Space>
  );
}
