// One officer (a unit's leader) or several (its crew), chosen among a station's officers in service and
// searched on the server by name or badge number. `known` names the officers already chosen (the unit's
// leader and crew as read), so a choice shows a name before any search finds it.
import type { OfficerRef } from "@onemap/shared";
import { Select } from "antd";
import { useRef, useState } from "react";
import { useStationOfficers } from "../api/units";

type Known = Pick<OfficerRef, "id" | "name"> & { badgeNo?: string };

const labelOf = (o: Known) => (o.badgeNo ? `${o.name}（${o.badgeNo}）` : o.name);

export function OfficerPicker<V extends string | string[] | null>({
  station,
  value,
  onChange,
  multiple = false,
  known,
  placeholder,
  testId,
  id,
}: {
  station: string | undefined;
  value?: V;
  onChange?: (value: V) => void;
  multiple?: boolean;
  known: readonly Known[];
  placeholder: string;
  testId: string;
  id?: string;
}) {
  const [q, setQ] = useState("");
  const found = useStationOfficers(station, q);
  // every officer a search has shown stays named: a choice from an earlier search keeps its name
  const labels = useRef(new Map<string, string>()).current;
  for (const o of known) labels.set(o.id, labelOf(o));
  for (const o of found.data?.rows ?? []) labels.set(o.id, labelOf(o));
  const chosen = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const ids = [...new Set([...chosen, ...(found.data?.rows ?? []).map((o) => o.id)])];
  return (
    <Select
      id={id}
      mode={multiple ? "multiple" : undefined}
      allowClear
      disabled={station === undefined}
      placeholder={placeholder}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={(multiple ? chosen : (chosen[0] ?? null)) as never}
      onChange={(v: string | string[] | undefined) => {
        setQ("");
        onChange?.((multiple ? (v ?? []) : (v ?? null)) as V);
      }}
      options={ids.map((officer) => ({ value: officer, label: labels.get(officer) ?? officer }))}
      data-testid={testId}
    />
  );
}
