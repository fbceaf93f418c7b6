// The incident queue and one-click dispatch: open incidents by priority and age; a click on the map
// starts a new one; selecting one shows the ranked units, and one click sends the first.
import { INCIDENT_CATEGORIES, type Incident, type IncidentCategory, type IncidentSummary, type Recommendations } from "@onemap/shared";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { useLive } from "../../realtime/store";

const OPEN = new Set(["NEW", "DISPATCHED", "ON_SCENE"]);
const CATEGORY_OPTIONS = Object.entries(INCIDENT_CATEGORIES) as [IncidentCategory, { label: string }][];

export function IncidentPanel({ draft, clearDraft }: { draft: { lat: number; lon: number } | null; clearDraft: () => void }) {
  const incidents = useLive((s) => s.incidents);
  const [selected, setSelected] = useState<string | null>(null);
  const [recs, setRecs] = useState<Recommendations | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [category, setCategory] = useState<IncidentCategory>("theft");

  const queue = Object.values(incidents)
    .filter((i) => OPEN.has(i.status))
    .sort((a, b) => a.priority.localeCompare(b.priority) || a.reportedAt.localeCompare(b.reportedAt));

  useEffect(() => {
    setRecs(null);
    if (selected) api<Recommendations>(`/api/incidents/${selected}/recommendations`).then(setRecs, (e: Error) => setMessage(e.message));
  }, [selected]);

  async function create() {
    if (!draft) return;
    try {
      const incident = await api<Incident>("/api/incidents", { method: "POST", body: { category, ...draft } });
      useLive.getState().upsertIncident(incident);
      setSelected(incident.id);
      clearDraft();
      setMessage(null);
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  async function dispatchTop() {
    const top = recs?.recommendations[0];
    if (!selected || !top) return;
    try {
      await api(`/api/incidents/${selected}/dispatch`, {
        method: "POST",
        body: { unitIds: [top.unitId] },
        headers: { "idempotency-key": `${selected}:${top.unitId}` },
      });
      setMessage(`已派 ${top.callsign} dispatched`);
      setSelected(null);
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  return (
    <aside style={{ width: 340, overflow: "auto", padding: 8, fontSize: 13, borderLeft: "1px solid #d1d5db", background: "#f9fafb" }}>
      {draft && (
        <section data-testid="new-incident" style={{ marginBottom: 12 }}>
          <strong>新警情 New incident</strong> {draft.lat.toFixed(5)}, {draft.lon.toFixed(5)}
          <div>
            <select value={category} onChange={(e) => setCategory(e.target.value as IncidentCategory)}>
              {CATEGORY_OPTIONS.map(([key, c]) => (
                <option key={key} value={key}>
                  {c.label}
                </option>
              ))}
            </select>{" "}
            <button type="button" onClick={create}>
              创建 Create
            </button>{" "}
            <button type="button" onClick={clearDraft}>
              取消
            </button>
          </div>
        </section>
      )}
      {message && <p role="status">{message}</p>}
      <strong>警情 Open incidents ({queue.length})</strong>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {queue.map((i: IncidentSummary) => (
          <li key={i.id}>
            <button
              type="button"
              onClick={() => setSelected(i.id)}
              style={{ width: "100%", textAlign: "left", fontWeight: i.id === selected ? 700 : 400 }}
            >
              {i.priority} · {INCIDENT_CATEGORIES[i.category as IncidentCategory]?.label ?? i.category} · {i.status} · {i.number}
            </button>
          </li>
        ))}
      </ul>
      {recs && (
        <section data-testid="recommendations">
          <strong>推荐警力 Recommended</strong>{" "}
          <button type="button" onClick={dispatchTop} disabled={recs.recommendations.length === 0}>
            一键派警 Dispatch {recs.recommendations[0]?.callsign}
          </button>
          <ol>
            {recs.recommendations.slice(0, 8).map((r) => (
              <li key={r.unitId}>
                {r.callsign} · {Math.round(r.etaS / 60)} min · {(r.distanceM / 1000).toFixed(1)} km · {r.leader?.name ?? "—"} ·{" "}
                {r.stationName}
                {r.stale ? " · stale" : ""}
              </li>
            ))}
          </ol>
          {recs.commandingLeader && (
            <p>
              带队领导 {recs.commandingLeader.officer.name} ({recs.commandingLeader.role})
            </p>
          )}
        </section>
      )}
    </aside>
  );
}
