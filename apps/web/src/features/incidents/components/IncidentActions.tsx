// What an operator does with an incident besides dispatching: mark arrival, resolve, close, cancel
// (with a reason), hand a non-police matter to another department, merge a likely duplicate, add a note.
// Only the steps the incident's status allows are offered (the server enforces the same rules).
import { incidentTransitionError } from "@onemap/domain";
import type { Incident, IncidentStatus } from "@onemap/shared";
import { App as AntApp, Button, Input, Space } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLinkDuplicate } from "../api/link";
import { useAddNote } from "../api/notes";
import { useSetIncidentStatus } from "../api/set-status";

const ActionDialog = lazy(() => import("./ActionDialog").then((m) => ({ default: m.ActionDialog })));

type Ask = { kind: "cancel" } | { kind: "transfer" } | null;
const SIMPLE: ("ON_SCENE" | "RESOLVED" | "CLOSED")[] = ["ON_SCENE", "RESOLVED", "CLOSED"];

export function IncidentActions({
  incident,
}: {
  incident: Pick<Incident, "id" | "status"> & { likelyDuplicateOf?: Incident["likelyDuplicateOf"]; duplicateOfId?: string | null };
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [ask, setAsk] = useState<Ask>(null);
  const [note, setNote] = useState("");
  const status = useSetIncidentStatus();
  const link = useLinkDuplicate();
  const addNote = useAddNote();
  const can = (to: IncidentStatus) => incidentTransitionError(incident.status, to) === null;
  const onError = (e: Error) => void message.error(t("errors.generic", { message: e.message }));
  const duplicate = incident.duplicateOfId ? null : incident.likelyDuplicateOf?.[0];

  return (
    <div data-testid="incident-actions">
      <Space wrap size={4}>
        {SIMPLE.filter(can).map((to) => (
          <Button
            key={to}
            size="small"
            onClick={() => status.mutate({ incidentId: incident.id, status: to }, { onError })}
            data-testid={`status-${to}`}
          >
            {t(`actions.${to}`)}
          </Button>
        ))}
        {can("TRANSFERRED") && (
          <Button size="small" onClick={() => setAsk({ kind: "transfer" })}>
            {t("actions.transfer")}
          </Button>
        )}
        {can("CANCELLED") && (
          <Button size="small" danger onClick={() => setAsk({ kind: "cancel" })} data-testid="status-CANCELLED">
            {t("actions.cancel")}
          </Button>
        )}
        {duplicate && (
          <Button
            size="small"
            onClick={() => link.mutate({ incidentId: incident.id, duplicateOfId: duplicate.id }, { onError })}
            data-testid="link-duplicate"
          >
            {t("actions.link", { number: duplicate.number })}
          </Button>
        )}
      </Space>
      <Space.Compact style={{ width: "100%", marginTop: 6 }}>
        <Input
          size="small"
          value={note}
          maxLength={2000}
          placeholder={t("actions.notePlaceholder")}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={() =>
            note.trim() && addNote.mutate({ incidentId: incident.id, text: note.trim() }, { onSuccess: () => setNote(""), onError })
          }
          data-testid="note-input"
        />
        <Button
          size="small"
          disabled={!note.trim()}
          loading={addNote.isPending}
          onClick={() => addNote.mutate({ incidentId: incident.id, text: note.trim() }, { onSuccess: () => setNote(""), onError })}
        >
          {t("actions.addNote")}
        </Button>
      </Space.Compact>
      {ask && (
        <Suspense fallback={null}>
          <ActionDialog incidentId={incident.id} kind={ask.kind} onClose={() => setAsk(null)} />
        </Suspense>
      )}
    </div>
  );
}
