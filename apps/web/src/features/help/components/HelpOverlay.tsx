import { Modal } from "antd";
import { useTranslation } from "react-i18next";
import { ui, useUi } from "../../../ui/store";
import { SHORTCUTS } from "../shortcuts";

/** The keyboard shortcuts, listed (press ?). */
export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useUi((s) => s.helpOpen);
  return (
    <Modal open={open} title={t("help.title")} footer={null} onCancel={() => ui.setHelp(false)} data-testid="help">
      <table className="onemap-keys">
        <thead>
          <tr>
            <th>{t("help.keys")}</th>
            <th>{t("help.action")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
