import { randomBytes } from "node:crypto";
import { type DbClient, hashPassword, Prisma } from "@onemap/db";
import type { CreateUserBody, UserAccount } from "@onemap/shared";
import { BadRequestError, ConflictError } from "../../errors";

const select = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  stationId: true,
  disabled: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type Row = Prisma.UserGetPayload<{ select: typeof select }>;
const toAccount = (u: Row): UserAccount => ({
  ...u,
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export function createUserService({ db }: { db: DbClient }) {
  return {
    async list(): Promise<UserAccount[]> {
      return (await db.user.findMany({ select, orderBy: { username: "asc" } })).map(toAccount);
    },

    async create(body: CreateUserBody): Promise<UserAccount> {
      if (body.role === "STATION_CHIEF") {
        const station = body.stationId ? await db.station.findUnique({ where: { id: body.stationId } }) : null;
        if (station?.kind !== "POLICE_STATION") {
          throw new BadRequestError("a station chief needs the id of a police station", [
            { path: "body.stationId", message: "no such police station" },
          ]);
        }
      }
      try {
        const user = await db.user.create({
          data: {
            id: `us-${randomBytes(8).toString("hex")}`,
            username: body.username,
            displayName: body.displayName,
            role: body.role,
            stationId: body.role === "STATION_CHIEF" ? (body.stationId ?? null) : null,
            passwordHash: await hashPassword(body.password),
          },
          select,
        });
        return toAccount(user);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new ConflictError(`the username ${body.username} is taken`);
        }
        throw error;
      }
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
