// The administrators' area (/admin), loaded only when opened, with its own strings: a header, a menu on
// the left and the page its address names (/admin the audit, /admin/devices, /admin/roster). The app
// hands in the address and the way to change it (a feature does not import app/).
import type { Me } from "@onemap/shared";
import { Button, Layout, Menu, Space } from "antd";
import { useTranslation } from "react-i18next";
import { type Language, setLanguage } from "../../../i18n";
import "../i18n";
import { AuditLog } from "./AuditLog";
import { CamerasPage } from "./CamerasPage";
import { CountyPage } from "./CountyPage";
import { DevicesPage } from "./DevicesPage";
import { GridsPage } from "./GridsPage";
import { GroupsPage } from "./GroupsPage";
import { OfficersPage } from "./OfficersPage";
import { RosterPage } from "./RosterPage";
import { StationDutyPage } from "./StationDutyPage";
import { StationsPage } from "./StationsPage";
import { UnitsPage } from "./UnitsPage";
import { UsersPage } from "./UsersPage";

const PAGES = {
  audit: "/admin",
  devices: "/admin/devices",
  roster: "/admin/roster",
  users: "/admin/users",
  units: "/admin/units",
  cameras: "/admin/cameras",
  stations: "/admin/stations",
  officers: "/admin/officers",
  grids: "/admin/grids",
  reinforcement: "/admin/reinforcement",
  county: "/admin/county",
  stationDuty: "/admin/station-duty",
} as const;
type PageKey = keyof typeof PAGES;
const pageAt = (path: string): PageKey => (Object.entries(PAGES).find(([, p]) => p === path)?.[0] as PageKey | undefined) ?? "audit";
/** the area's pages each role sees: duty leaders keep the county roster, a chief reports their station's duty (the API refuses them the rest) */
const pagesOf = (role: Me["role"]): PageKey[] =>
  role === "DUTY_LEADER" ? ["roster"] : role === "STATION_CHIEF" ? ["stationDuty"] : (Object.keys(PAGES) as PageKey[]);

export function AdminArea({
  me,
  onBoard,
  path,
  onNavigate,
}: {
  me: Me;
  onBoard: () => void;
  /** the address bar's path (/admin…) */
  path: string;
  onNavigate: (path: string) => void;
}) {
  const allowed = pagesOf(me.role);
  const asked = pageAt(path);
  // another page by its address: this role's own page instead
  const page = allowed.includes(asked) ? asked : (allowed[0] ?? "audit");
  const { t, i18n } = useTranslation("admin");
  const { t: tb } = useTranslation();
  return (
    <Layout style={{ height: "100vh" }} data-testid="admin-area">
      <header className="onemap-header">
        <Space size="middle" align="center">
          <strong style={{ color: "#fff", fontSize: 16 }}>{tb("app.name")}</strong>
          <span>{t(me.role === "ADMIN" ? "area.title" : "area.dutyTitle")}</span>
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
            selectedKeys={[page]}
            items={allowed.map((key) => ({
              key,
              label: (
                <a
                  href={PAGES[key]}
                  onClick={(e) => {
                    e.preventDefault();
                    onNavigate(PAGES[key]);
                  }}
                  data-testid={`admin-menu-${key}`}
                >
                  {t(`menu.${key}`)}
                </a>
              ),
            }))}
            style={{ borderInlineEnd: "none" }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, overflow: "auto", background: "#fff" }}>
          {page === "users" ? (
            <UsersPage me={me} />
          ) : page === "stations" ? (
            <StationsPage />
          ) : page === "officers" ? (
            <OfficersPage />
          ) : page === "reinforcement" ? (
            <GroupsPage />
          ) : page === "grids" ? (
            <GridsPage />
          ) : page === "county" ? (
            <CountyPage />
          ) : page === "units" ? (
            <UnitsPage onDevices={() => onNavigate(PAGES.devices)} />
          ) : page === "cameras" ? (
            <CamerasPage />
          ) : page === "devices" ? (
            <DevicesPage />
          ) : page === "roster" ? (
            <RosterPage />
          ) : page === "stationDuty" ? (
            <StationDutyPage me={me} />
          ) : (
            <AuditLog />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
