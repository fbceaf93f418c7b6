// Find a unit by callsign: the map goes to it and its card opens.
import { Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { mapRegistry } from "../../../map/registry";
import { useLive } from "../../../realtime/store";
import { ui } from "../../../ui/store";

export function UnitSearch() {
  const { t } = useTranslation();
  const units = useLive((s) => s.units);
  const options = useMemo(
    () =>
      Object.values(units)
        .map((u) => ({ value: u.id, label: u.callsign }))
        .sort((a, b) => a.label.localeCompare(b.label, "zh-CN")),
    [units],
  );
  return (
    <Select
      size="small"
      style={{ width: 160 }}
      placeholder={t("units.find")}
      showSearch={{ optionFilterProp: "label" }}
      value={null}
      options={options}
      onChange={(id: string) => {
        const at = mapRegistry.units?.positionOf(id);
        if (at) mapRegistry.map?.setView(at, Math.max(mapRegistry.map.getZoom(), 16));
        ui.openUnit(id);
      }}
      data-testid="unit-search"
    />
  );
}
