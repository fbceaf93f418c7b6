// 简体中文 (default) of the administrators' area: loaded with the area, under the `admin` namespace.
// The audit's action and group labels come from the shared vocabulary (the export writes the same).
import { AUDIT_ACTIONS, AUDIT_GROUP_LABELS, type AuditAction } from "@onemap/shared";
import { camerasZhCN } from "./cameras";
import { countyZhCN } from "./county";
import { devicesZhCN } from "./devices";
import { gridsZhCN } from "./grids";
import { groupsZhCN } from "./groups";
import { officersZhCN } from "./officers";
import { rosterZhCN } from "./roster";
import { stationDutyZhCN } from "./station-duty";
import { stationsZhCN } from "./stations";
import { unitsZhCN } from "./units";
import { usersZhCN } from "./users";

type Split<A> = A extends `${infer Head}.${infer Rest}` ? [Head, Rest] : never;
/** "auth.login" → { auth: { login } }: so t(`actions.${action}`) finds it with i18next's own key separator */
type ActionLabels = { [H in Split<AuditAction>[0]]: { [R in Split<Extract<AuditAction, `${H}.${string}`>>[1]]: string } };

const actions: Record<string, Record<string, string>> = {};
for (const [key, { label }] of Object.entries(AUDIT_ACTIONS)) {
  const [head = key, rest = ""] = key.split(".");
  actions[head] = { ...actions[head], [rest]: label };
}

export const adminZhCN = {
  area: { title: "系统管理", dutyTitle: "值班", back: "返回指挥大屏", menu: "管理菜单" },
  menu: {
    audit: "审计日志",
    devices: "终端管理",
    roster: "值班表",
    users: "用户管理",
    units: "作战单元",
    cameras: "视频监控",
    stations: "单位",
    officers: "警员",
    grids: "网格",
    reinforcement: "增援力量",
    county: "全县数据",
    stationDuty: "本所勤务",
  },
  devices: devicesZhCN,
  roster: rosterZhCN,
  users: usersZhCN,
  stationDuty: stationDutyZhCN,
  stations: stationsZhCN,
  officers: officersZhCN,
  grids: gridsZhCN,
  reinforcement: groupsZhCN,
  county: countyZhCN,
  units: unitsZhCN,
  cameras: camerasZhCN,
  audit: {
    title: "审计日志",
    hint: "登录、账号与系统管理、县局态势、值班表、警力与视频状态、终端的每一次变更；最新的在最前",
    group: "类别",
    action: "操作",
    actor: "操作人用户名",
    range: { start: "开始日期", end: "结束日期" },
    reset: "清空条件",
    export: "导出 Excel",
    exportTitle: "按当前条件导出，最多 {{max}} 条（最新的）",
    columns: { at: "时间（北京时间）", actor: "操作人", action: "操作", target: "对象", ip: "来源地址" },
    system: "系统",
    before: "变更前",
    after: "变更后",
    nothing: "无",
    empty: "没有符合条件的记录",
    prev: "上一页",
    next: "下一页",
    page: "第 {{n}} 页 · 每页 {{size}} 条",
  },
  groups: AUDIT_GROUP_LABELS,
  actions: actions as ActionLabels,
  targets: {
    session: "会话",
    user: "用户",
    posture: "县局态势",
    duty: "值班表",
    unit: "警力",
    camera: "视频点位",
    device: "终端",
    gateway: "接入网关",
    county: "县局基础数据",
    incident: "警情",
  },
};

export type AdminMessages = typeof adminZhCN;
