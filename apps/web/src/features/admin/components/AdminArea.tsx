// The administrators' area (/admin), loaded only when opened, with its own strings: a header, a menu on
// the left (one page for now: the audit; stations, units and the like go beside it) and the page.
import type { Me } from "@onemap/shared";
import { Button, Layout, Menu, Space } from "antd";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../../../i18n";
import "../i18n";
import { AuditLog } from "./AuditLog";

export function AdminArea({ me, onBoard }: { me: Me; onBoard: () => void }) {
  const { t, i18n } = useTranslation("admin");
  const { t: tb } = useTranslation();
  return (
    <Layout style={{ height: "100vh" }} data-testid="admin-area">
      <header className="onemap-header">
        <Space size="middle" align="center">
          <strong style={{ color: "#fff", fontSize: 16 }}>{tb("app.name")}</strong>
          <span>{t("area.title")}</span>
          <span data-testid="whoami">
            {me.displayName} · {tb(`roles.${me.role}`)}
          </span>
        </Space>
        <Space>
          <Button
            size="small"
            ghost
            href="/"
            onClick={(e) => {
              e.preventDefault();
              onBoard();
            }}
            data-testid="admin-back"
          >
            {t("area.back")}
          </Button>
          <Button
            size="small"
            ghost
            title={tb("app.languageTitle")}
            onClick={() => setLanguage((i18n.language === "en" ? "zh-CN" : "en") as Language)}
            data-testid="language"
          >
            {tb("app.language")}
          </Button>
        </Space>
      </header>
      <Layout>
        <Layout.Sider width={168} theme="light" style={{ borderRight: "1px solid #f0f0f0" }}>
          <Menu
            mode="inline"
            aria-label={t("area.menu")}
            selectedKeys={["audit"]}
            items={[{ key: "audit", label: t("menu.audit") }]}
            style={{ borderInlineEnd: "none" }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, overflow: "auto", background: "#fff" }}>
          <AuditLog />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
