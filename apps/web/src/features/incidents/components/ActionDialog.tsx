// Cancel an incident, or hand a non-police one to a department — each with a reason. Loaded when opened.
import type { TransferDepartment } from "@onemap/shared";
import { TRANSFER_DEPARTMENTS } from "@onemap/shared/vocabulary";
import { App as AntApp, Button, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useSetIncidentStatus } from "../api/set-status";
import { useTransferIncident } from "../api/transfer";

export function ActionDialog({ incidentId, kind, onClose }: { incidentId: string; kind: "cancel" | "transfer"; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const status = useSetIncidentStatus();
  const transfer = useTransferIncident();
  const onError = (e: Error) => void message.error(t("errors.generic", { message: e.message }));
  return (
    <Modal open title={t(`actions.${kind}`)} footer={null} onCancel={onClose} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={(v: { reason: string; department?: TransferDepartment }) => {
          const done = { onSuccess: onClose, onError };
          if (kind === "cancel") status.mutate({ incidentId, status: "CANCELLED", reason: v.reason }, done);
          else if (v.department) transfer.mutate({ incidentId, department: v.department, reason: v.reason }, done);
        }}
      >
        {kind === "transfer" && (
          <Form.Item name="department" label={t("actions.department")} rules={[{ required: true, message: t("actions.department") }]}>
            <Select options={TRANSFER_DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("incident.reason")}
          rules={[{ required: true, whitespace: true, message: t("incident.reasonRequired") }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="action-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={status.isPending || transfer.isPending} data-testid="action-confirm">
          {t("incident.confirm")}
        </Button>
      </Form>
    </Modal>
  );
}
