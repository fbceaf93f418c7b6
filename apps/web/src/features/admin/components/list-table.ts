// What the administrators' server-paged tables share: antd's sorter turned into `sort=field|-field`.
import type { SorterResult } from "antd/es/table/interface";

/** the column's key as the list's sort field (only the sortable columns have one), `-` first when descending */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order || !one.columnKey) return undefined;
  return `${one.order === "descend" ? "-" : ""}${String(one.columnKey)}`;
}

/** antd's sortOrder for a column, from the `sort` param */
export const orderOf = (sort: string | undefined, key: string) =>
  sort === key ? ("ascend" as const) : sort === `-${key}` ? ("descend" as const) : null;
