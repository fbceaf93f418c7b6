// Open incidents, available units, today's call-to-dispatch (from the call start, not the form's
// submission) as median and 90th percentile: refreshed every 10 s and on events.
import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../i18n";
import { useLiveStats } from "../api/live-stats";

function Stat({ title, value, testid, hint }: { title: string; value: string | number; testid: string; hint?: string }) {
  return (
    <span className="onemap-stat" data-testid={testid} title={hint}>
      <span className="onemap-stat-title">{title}</span>
      <span className="onemap-stat-value">{value}</span>
    </span>
  );
}

export function StatsStrip() {
  const { t } = useTranslation();
  const { data } = useLiveStats();
  const seconds = (s: number | null | undefined) => (s != null ? formatDuration(s) : t("stats.none"));
  return (
    <div className="onemap-stats" data-testid="stats">
      <Stat testid="stat-open" title={t("stats.open")} value={data?.openIncidents.total ?? "—"} />
      <Stat testid="stat-available" title={t("stats.available")} value={data?.units.available ?? "—"} />
      <Stat
        testid="stat-median"
        title={t("stats.median")}
        value={seconds(data?.today.medianCallToDispatchS)}
        hint={t("stats.medianTitle")}
      />
      <Stat testid="stat-p90" title={t("stats.p90")} value={seconds(data?.today.p90CallToDispatchS)} hint={t("stats.medianTitle")} />
    </div>
  );
}
