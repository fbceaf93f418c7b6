import { camerasEn } from "./cameras";
import { countyEn } from "./county";
import { devicesEn } from "./devices";
import { gridsEn } from "./grids";
import { groupsEn } from "./groups";
import { officersEn } from "./officers";
import { rosterEn } from "./roster";
import { stationDutyEn } from "./station-duty";
import { stationsEn } from "./stations";
import { unitsEn } from "./units";
import { usersEn } from "./users";
import type { AdminMessages } from "./zh-CN";

// English: the same keys as zh-CN.ts (the type makes a missing one a compile error).
export const adminEn: AdminMessages = {
  area: { title: "Administration", dutyTitle: "Duty", back: "Back to the board", menu: "Administration menu" },
  menu: {
    audit: "Audit log",
    devices: "Devices",
    roster: "Duty roster",
    users: "Users",
    units: "Units",
    cameras: "Cameras",
    stations: "Stations",
    officers: "Officers",
    grids: "Grids",
    reinforcement: "Reinforcements",
    county: "County data",
    stationDuty: "Station duty",
  },
  devices: devicesEn,
  roster: rosterEn,
  users: usersEn,
  stationDuty: stationDutyEn,
  stations: stationsEn,
  officers: officersEn,
  grids: gridsEn,
  reinforcement: groupsEn,
  county: countyEn,
  units: unitsEn,
  cameras: camerasEn,
  audit: {
    title: "Audit log",
    hint: "Every sign-in, administration change, posture, roster, unit and camera status and device change; newest first",
    group: "Category",
    action: "Action",
    actor: "Username",
    range: { start: "From", end: "To" },
    reset: "Clear filters",
    export: "Export to Excel",
    exportTitle: "Exports what the filters select, at most {{max}} entries (the newest)",
    columns: { at: "Time (China)", actor: "By", action: "Action", target: "Target", ip: "Address" },
    system: "System",
    before: "Before",
    after: "After",
    nothing: "none",
    empty: "No entries match",
    prev: "Previous",
    next: "Next",
    page: "Page {{n}} · {{size}} per page",
  },
  groups: {
    signIn: "Sign-ins",
    admin: "Administration",
    tiers: "Incident tiers",
    posture: "County posture",
    roster: "Duty roster",
    status: "Unit and camera status",
    devices: "Devices and gateways",
  },
  actions: {
    auth: {
      login: "Signed in",
      login_failed: "Sign-in failed",
      backoff: "Sign-in blocked (repeated failures)",
      logout: "Signed out",
      password_changed: "Password changed",
      password_change_failed: "Password change failed (wrong current password)",
    },
    user: {
      created: "Account created",
      changed: "Account changed",
      disabled: "Account disabled",
      enabled: "Account enabled",
      unlocked: "Sign-in block lifted",
      sessions_revoked: "Sessions ended",
      password_reset: "Password reset",
      retired: "Account retired (history kept)",
      deleted: "Account deleted",
    },
    county: { import: "County data imported" },
    incident: { tier_changed: "Incident tier changed" },
    posture: { changed: "County posture changed" },
    duty: { changed: "Duty roster changed" },
    station_duty: { changed: "Station duty reported" },
    station: { created: "Station added", changed: "Station changed", retired: "Station retired", deleted: "Station deleted" },
    officer: { created: "Officer added", changed: "Officer changed", retired: "Officer retired", deleted: "Officer deleted" },
    unit: {
      status: "Unit status changed",
      created: "Unit added",
      changed: "Unit changed",
      retired: "Unit retired",
      deleted: "Unit deleted",
    },
    grid: { created: "Grid added", changed: "Grid changed", retired: "Grid retired", deleted: "Grid deleted" },
    reinforcement: { created: "Reinforcement group added", changed: "Reinforcement group changed", deleted: "Reinforcement group deleted" },
    camera: {
      status: "Camera status changed",
      created: "Camera added",
      changed: "Camera changed",
      retired: "Camera retired",
      deleted: "Camera deleted",
    },
    device: { registered: "Device registered", token_rotated: "Device token rotated", removed: "Device removed" },
    gateway: { created: "Gateway created" },
  },
  targets: {
    session: "Session",
    user: "User",
    posture: "County posture",
    duty: "Duty roster",
    unit: "Unit",
    camera: "Camera",
    device: "Device",
    gateway: "Gateway",
    county: "County data",
    incident: "Incident",
  },
};
