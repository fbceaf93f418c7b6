// Raise or relax the county posture, with a reason (duty leaders). Loaded when opened.
import type { ResponseTier } from "@onemap/shared";
import { RESPONSE_TIERS } from "@onemap/shared/vocabulary";
import { App as AntApp, Button, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { usePutPosture } from "../api/put-posture";

export function PostureDialog({ level, onClose }: { level: ResponseTier; onClose: () => void }) {
  const { t } = useTranslation();
  const put = usePutPosture();
  const { message } = AntApp.useApp();
  return (
    <Modal open title={t("posture.change")} footer={null} onCancel={onClose} destroyOnHidden>
      <Form
        layout="vertical"
        initialValues={{ level }}
        onFinish={(v: { level: ResponseTier; reason: string }) =>
          put.mutate(v, {
            onSuccess: onClose,
            onError: (e) => void message.error(t("errors.generic", { message: e.message })),
          })
        }
      >
        <Form.Item name="level" label={t("incident.targetTier")}>
          <Select options={RESPONSE_TIERS.map((l) => ({ value: l, label: t(`tiers.${l}`) }))} data-testid="posture-level" />
        </Form.Item>
        <Form.Item name="reason" label={t("incident.reason")} rules={[{ required: true, min: 2, message: t("incident.reasonRequired") }]}>
          <Input.TextArea rows={2} data-testid="posture-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="posture-confirm">
          {t("incident.confirm")}
        </Button>
      </Form>
    </Modal>
  );
}
