// Track playback: pick a unit and a time range, load its track, replay it with a time slider.
import { Alert, Button, DatePicker, Drawer, Form, Select, Slider, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatTime } from "../../../i18n";
import { useLive } from "../../../realtime/store";
import { ui, useUi } from "../../../ui/store";
import { useTrack } from "../api/track";
import { usePlayback } from "../store";

export function TrackPlayback() {
  const { t } = useTranslation();
  const open = useUi((s) => s.playbackOpen);
  const initialUnit = useUi((s) => s.playbackUnitId);
  const units = useLive((s) => s.units);
  const [unitId, setUnitId] = useState<string | null>(initialUnit);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(1, "hour"), dayjs()]);
  const [request, setRequest] = useState<{ unitId: string; from: string; to: string } | null>(null);
  const [playing, setPlaying] = useState(false);
  const track = useTrack(request);
  const index = usePlayback((s) => s.index);

  useEffect(() => setUnitId(initialUnit), [initialUnit]);
  useEffect(() => {
    usePlayback.setState({ track: track.data ?? null, index: 0 });
    setPlaying(false);
  }, [track.data]);
  useEffect(() => {
    if (!open) {
      usePlayback.setState({ track: null, index: 0 });
      setRequest(null);
    }
  }, [open]);
  const points = track.data?.points ?? [];
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { index: i } = usePlayback.getState();
      if (i >= points.length - 1) setPlaying(false);
      else usePlayback.setState({ index: i + 1 });
    }, 100);
    return () => clearInterval(timer);
  }, [playing, points.length]);

  const at = points[Math.min(index, points.length - 1)];
  return (
    <Drawer
      open={open}
      onClose={() => ui.closePlayback()}
      title={t("playback.title")}
      placement="bottom"
      size={230}
      mask={false}
      data-testid="playback"
    >
      <Space align="start" wrap>
        <Form layout="inline" size="small">
          <Form.Item label={t("playback.unit")}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 200 }}
              value={unitId}
              onChange={setUnitId}
              options={Object.values(units).map((u) => ({ value: u.id, label: u.callsign }))}
              data-testid="playback-unit"
            />
          </Form.Item>
          <Form.Item label={t("playback.range")}>
            <DatePicker.RangePicker showTime value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          </Form.Item>
          <Button
            type="primary"
            disabled={!unitId}
            loading={track.isFetching}
            onClick={() => unitId && setRequest({ unitId, from: range[0].toISOString(), to: range[1].toISOString() })}
            data-testid="playback-load"
          >
            {t("playback.load")}
          </Button>
        </Form>
      </Space>
      {track.error && <Alert type="error" title={track.error.message} />}
      {track.data && points.length === 0 && <Typography.Text type="secondary">{t("playback.empty")}</Typography.Text>}
      {points.length > 0 && (
        <div style={{ display: "flex", alignItems: "center", gap: 12, marginTop: 8 }}>
          <Button onClick={() => setPlaying(!playing)} data-testid="playback-play">
            {playing ? t("playback.pause") : t("playback.play")}
          </Button>
          <div style={{ flex: 1 }} data-testid="playback-slider">
            <Slider
              min={0}
              max={points.length - 1}
              value={index}
              onChange={(v) => usePlayback.setState({ index: v })}
              tooltip={{ formatter: (v) => (v !== undefined && points[v] ? formatTime(points[v].at) : "") }}
            />
          </div>
          <span className="onemap-timer" data-testid="playback-time">
            {at ? formatDateTime(at.at) : ""}
          </span>
          <span className="onemap-muted">
            {t("playback.points", { count: points.length })}
            {track.data?.downsampled ? t("playback.downsampled", { total: track.data.total }) : ""}
          </span>
        </div>
      )}
    </Drawer>
  );
}
