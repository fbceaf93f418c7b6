// Open incidents by priority, then age, with running timers; new P1/P2 flash until opened; likely
// duplicates and pending escalation requests are marked.
import type { Priority } from "@onemap/shared";
import { isOpenIncident } from "@onemap/shared/vocabulary";
import { Badge, Button, Empty, Tag, Tooltip } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel, formatDuration } from "../../../i18n";
import { type LiveIncident, useLive } from "../../../realtime/store";
import { PRIORITY_COLOUR, TIER_COLOUR } from "../../../ui/colours";
import { ui, useUi } from "../../../ui/store";
import { useNow } from "../../../ui/useNow";

export function useQueue(): LiveIncident[] {
  const incidents = useLive((s) => s.incidents);
  return useMemo(
    () =>
      Object.values(incidents)
        .filter(isOpenIncident)
        .sort((a, b) => a.priority.localeCompare(b.priority) || a.reportedAt.localeCompare(b.reportedAt)),
    [incidents],
  );
}

export function IncidentQueue() {
  const { t } = useTranslation();
  const queue = useQueue();
  const arrived = useLive((s) => s.arrived);
  const opened = useUi((s) => s.opened);
  const selected = useUi((s) => s.selectedIncidentId);
  const now = useNow(1000);
  return (
    <section className="onemap-queue" data-testid="queue">
      <div className="onemap-section-head">
        <strong>
          {t("queue.title")} <Badge count={queue.length} showZero color="#334155" />
        </strong>
        <Button size="small" type="primary" onClick={() => ui.startDraft()} title="N" data-testid="new-incident-button">
          {t("queue.new")} (N)
        </Button>
      </div>
      {queue.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("queue.empty")} />
      ) : (
        <ul className="onemap-list">
          {queue.map((i) => {
            const ageS = (now - Date.parse(i.reportedAt)) / 1000;
            const flashing = i.id in arrived && !opened[i.id];
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: J/K move through the queue from the keyboard
              <li
                key={i.id}
                onClick={() => ui.select(i.id)}
                className={`onemap-list-item onemap-queue-item${i.id === selected ? " is-selected" : ""}${flashing ? " onemap-flash" : ""}`}
                data-testid="queue-item"
                data-incident={i.id}
                style={{ borderLeft: `4px solid ${PRIORITY_COLOUR[i.priority as Priority]}` }}
              >
                <div style={{ width: "100%" }}>
                  <div className="onemap-row">
                    <span>
                      <b style={{ color: PRIORITY_COLOUR[i.priority as Priority] }}>{i.priority}</b> {categoryLabel(i.category)}
                      {flashing && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          {t("queue.unseen")}
                        </Tag>
                      )}
                    </span>
                    <span className="onemap-timer" title={i.reportedAt}>
                      {formatDuration(ageS)}
                    </span>
                  </div>
                  <div className="onemap-row onemap-muted">
                    <span>
                      {i.number} · {t(`incidentStatus.${i.status}`)}
                    </span>
                    {i.tier !== "ROUTINE" && <Tag color={TIER_COLOUR[i.tier]}>{t(`tiers.${i.tier}`)}</Tag>}
                  </div>
                  {(i.likelyDuplicateOf?.length ?? 0) > 0 && (
                    <Tooltip title={i.likelyDuplicateOf?.map((d) => `${d.number} (${Math.round(d.distanceM)} m)`).join(", ")}>
                      <Tag color="purple" data-testid="duplicate-mark">
                        {t("queue.duplicate", { number: i.likelyDuplicateOf?.[0]?.number })}
                      </Tag>
                    </Tooltip>
                  )}
                  {i.escalationRequested && (
                    <Tag color="volcano">{t("queue.escalationRequested", { tier: t(`tiers.${i.escalationRequested}`) })}</Tag>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
