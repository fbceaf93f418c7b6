// A reinforcement group's units, a page at a time from the server, and the picker that adds one (units
// searched on the server by callsign or leader). A unit joins or leaves by a PATCH of the unit itself.
import type { ReinforcementGroup, Unit } from "@onemap/shared";
import { App, Button, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useGroupChanges, useGroupUnits, useUnitSearch } from "../api/groups";

const PAGE_SIZE = 8;

export function GroupUnits({ group }: { group: ReinforcementGroup }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const members = useGroupUnits(group.kind, page, PAGE_SIZE);
  const [term, setTerm] = useState("");
  const found = useUnitSearch(term);
  // the unit itself, kept: choosing an option clears the search, and with it the matches
  const [pickedUnit, setPickedUnit] = useState<Unit | undefined>();
  const { setUnitGroup } = useGroupChanges();
  const refused = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));

  const join = () => {
    if (!pickedUnit) return;
    setUnitGroup.mutate(
      { unit: pickedUnit, kind: group.kind },
      {
        onSuccess: () => {
          void message.success(t("reinforcement.joined", { callsign: pickedUnit.callsign, group: group.name }));
          setPickedUnit(undefined);
          setTerm("");
        },
        onError: refused,
      },
    );
  };
  const leave = (unit: Unit) =>
    setUnitGroup.mutate(
      { unit, kind: null },
      { onSuccess: () => void message.success(t("reinforcement.left", { callsign: unit.callsign, group: group.name })), onError: refused },
    );

  return (
    <div data-testid="group-units">
      <Typography.Text strong>{t("reinforcement.members")}</Typography.Text>
      <Space style={{ display: "flex", margin: "8px 0" }}>
        <Select
          showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
          allowClear
          style={{ width: 320 }}
          placeholder={t("reinforcement.pickUnit")}
          aria-label={t("reinforcement.addUnit")}
          value={pickedUnit?.id}
          onChange={(id) => setPickedUnit(id ? (found.data?.rows.find((u) => u.id === id) ?? pickedUnit) : undefined)}
          loading={found.isFetching}
          notFoundContent={null}
          options={[
            ...(pickedUnit && !found.data?.rows.some((u) => u.id === pickedUnit.id) ? [pickedUnit] : []),
            ...(found.data?.rows ?? []),
          ].map((u) => ({
            value: u.id,
            disabled: u.reinforcementGroup === group.kind,
            label: `${u.callsign} · ${tb(`unitKind.${u.kind}`)}${u.leader ? ` · ${u.leader.name}` : ""}${
              u.reinforcementGroup && u.reinforcementGroup !== group.kind
                ? t("reinforcement.inOther", { group: tb(`groups.${u.reinforcementGroup}`) })
                : ""
            }`,
          }))}
          data-testid="group-unit-picker"
        />
        <Button type="primary" disabled={!pickedUnit} loading={setUnitGroup.isPending} onClick={join} data-testid="group-unit-join">
          {t("reinforcement.join")}
        </Button>
      </Space>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={members.isFetching}
        dataSource={members.data?.rows ?? []}
        locale={{ emptyText: t("reinforcement.noMembers") }}
        onRow={(u) => ({ "data-testid": "group-unit-row", "data-callsign": u.callsign }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: members.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t("reinforcement.total", { total }),
          onChange: setPage,
        }}
        columns={[
          { key: "callsign", title: t("reinforcement.unitColumns.callsign"), render: (_, u) => <strong>{u.callsign}</strong> },
          { key: "kind", title: t("reinforcement.unitColumns.kind"), render: (_, u) => tb(`unitKind.${u.kind}`) },
          { key: "leader", title: t("reinforcement.unitColumns.leader"), render: (_, u) => u.leader?.name ?? "" },
          {
            key: "leave",
            title: "",
            width: 80,
            render: (_, u) => (
              <Button size="small" danger onClick={() => leave(u)} data-testid="group-unit-leave">
                {t("reinforcement.leave")}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
