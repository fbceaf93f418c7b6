// The demo sign-ins (operator / leader / chief / admin), each tied to the officer it stands for.
// Their password hash is added when they are inserted (it is salted, so not part of a pure build).
import type { Prisma } from "../../src/index";
import type { Force } from "./officers";
import type { DutyTeam } from "./roster";
import { stationId } from "./stations";

export type DemoUser = Omit<Prisma.UserCreateManyInput, "passwordHash"> & { username: string };

export function buildDemoUsers(force: Force, team: DutyTeam): DemoUser[] {
  const officerOf = (o: { id: string } | undefined) => o?.id ?? "";
  const users: Omit<DemoUser, "id">[] = [
    { username: "operator", displayName: "接处警员(演示)", role: "OPERATOR", officerId: officerOf(team.operators[0]), stationId: null },
    { username: "leader", displayName: "值班领导(演示)", role: "DUTY_LEADER", officerId: officerOf(team.dutyLeaders[0]), stationId: null },
    {
      username: "chief",
      displayName: "东城派出所所长(演示)",
      role: "STATION_CHIEF",
      officerId: officerOf(force.police(stationId("DC"))[0]),
      stationId: stationId("DC"),
    },
    {
      username: "admin",
      displayName: "系统管理员(演示)",
      role: "ADMIN",
      officerId: officerOf(force.police(stationId("JWBZ"))[0]),
      stationId: null,
    },
  ];
  return users.map((u) => ({ id: `us-demo-${u.username}`, ...u }));
}
