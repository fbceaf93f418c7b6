import { Modal, Table } from "antd";
import { useTranslation } from "react-i18next";
import { ui, useUi } from "../../../ui/store";
import { SHORTCUTS } from "../shortcuts";

/** The keyboard shortcuts, listed (press ?). */
export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useUi((s) => s.helpOpen);
  return (
    <Modal open={open} title={t("help.title")} footer={null} onCancel={() => ui.setHelp(false)} data-testid="help">
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={SHORTCUTS}
        columns={[
          { title: t("help.keys"), dataIndex: "keys", render: (k: string) => <kbd>{k}</kbd>, width: 100 },
          { title: t("help.action"), dataIndex: "label", render: (l: (typeof SHORTCUTS)[number]["label"]) => t(l) },
        ]}
      />
    </Modal>
  );
}
