// A reinforcement group added (kind, name, activating tier: CreateReinforcementGroupBody) or changed
// (name, tier: PatchReinforcementGroupBody, and which units belong to it: GroupUnits).
import {
  CreateReinforcementGroupBody,
  PatchReinforcementGroupBody,
  type ReinforcementGroup,
  ReinforcementGroupKind,
  ResponseTier,
} from "@onemap/shared";
import { App, Divider, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useGroupChanges } from "../api/groups";
import { changes, check, orAbsent, showErrors, showRefusal } from "./form-check";
import { GroupUnits } from "./GroupUnits";

const FIELDS = ["kind", "name", "activatesAtTier"] as const;
type Values = Partial<Record<(typeof FIELDS)[number], unknown>>;

/** `group` null: a new one, of a kind not taken yet */
export function GroupForm({ group, taken, onClose }: { group: ReinforcementGroup | null; taken: string[]; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, patch } = useGroupChanges();
  const free = ReinforcementGroupKind.options.filter((k) => !taken.includes(k));

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const say = (text: string) => void message.error(text);
    if (!group) {
      const checked = check(CreateReinforcementGroupBody, {
        kind: orAbsent(v.kind),
        name: orAbsent(v.name),
        activatesAtTier: orAbsent(v.activatesAtTier),
      });
      if (!checked.ok) return void showErrors(form, FIELDS, checked.errors);
      try {
        const saved = await create.mutateAsync(checked.data);
        void message.success(t("reinforcement.created", { name: saved.name }));
        onClose();
      } catch (error) {
        showRefusal(form, FIELDS, error, say);
      }
      return;
    }
    const diff = changes(group, { name: orAbsent(v.name), activatesAtTier: orAbsent(v.activatesAtTier) });
    if (Object.keys(diff).length === 0) return onClose();
    const checked = check(PatchReinforcementGroupBody, diff);
    if (!checked.ok) return void showErrors(form, FIELDS, checked.errors);
    try {
      const saved = await patch.mutateAsync({ id: group.id, body: checked.data });
      void message.success(t("reinforcement.saved", { name: saved.name }));
      onClose();
    } catch (error) {
      showRefusal(form, FIELDS, error, say);
    }
  };

  return (
    <Modal
      open
      width={group ? 680 : 480}
      title={group ? t("reinforcement.editTitle", { name: group.name }) : t("reinforcement.createTitle")}
      okText={t("reinforcement.save")}
      cancelText={t("reinforcement.close")}
      confirmLoading={create.isPending || patch.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "group-save" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={group ?? { kind: free[0], activatesAtTier: "LEVEL_II" }}
        data-testid="group-form"
      >
        <Form.Item
          name="kind"
          label={t("reinforcement.kind")}
          required
          extra={!group && free.length === 0 ? t("reinforcement.noKindLeft") : undefined}
        >
          <Select
            disabled={group !== null}
            options={(group ? [group.kind] : free).map((k) => ({ value: k, label: tb(`groups.${k}`) }))}
            data-testid="group-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={t("reinforcement.name")} required>
          <Input maxLength={100} data-testid="group-name" />
        </Form.Item>
        <Form.Item name="activatesAtTier" label={t("reinforcement.tier")} required>
          <Select options={ResponseTier.options.map((tier) => ({ value: tier, label: tb(`tiers.${tier}`) }))} data-testid="group-tier" />
        </Form.Item>
      </Form>
      {group && (
        <>
          <Divider style={{ margin: "8px 0" }} />
          <GroupUnits group={group} />
        </>
      )}
    </Modal>
  );
}
