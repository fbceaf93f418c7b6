import { describe, expect, it } from "vitest";
import { GridCache } from "./grids";
import type { GridPolygon } from "./repository";

const square: GridPolygon = {
  id: "gr-1",
  name: "一号网格",
  stationId: "st-1",
  polygon: {
    type: "Polygon",
    coordinates: [
      [
        [106.0, 31.0],
        [106.1, 31.0],
        [106.1, 31.1],
        [106.0, 31.1],
        [106.0, 31.0],
      ],
    ],
  },
};

describe("the grid cache", () => {
  it("locates a call by reading the grids now when it never loaded (the database was down at start)", async () => {
    let reads = 0;
    const repository = {
      async gridPolygons() {
        reads++;
        if (reads === 1) throw new Error("connection refused");
        return [square];
      },
    };
    const errors: unknown[] = [];
    const cache = new GridCache(repository, { refreshMs: 3_600_000, onError: (e) => errors.push(e) });
    await cache.start();
    expect(errors).toHaveLength(1);
    expect((await cache.locate({ lat: 31.05, lon: 106.05 }))?.id).toBe("gr-1");
    expect(await cache.locate({ lat: 30.5, lon: 106.05 })).toBeNull();
    // loaded now: answered from the cache
    expect(reads).toBe(2);
    cache.stop();
  });

  it("refuses to guess while the database stays down: the caller gets the error, not a call without a grid", async () => {
    const cache = new GridCache(
      {
        async gridPolygons(): Promise<GridPolygon[]> {
          throw new Error("connection refused");
        },
      },
      { refreshMs: 3_600_000, onError: () => undefined },
    );
    await cache.start();
    await expect(cache.locate({ lat: 31.05, lon: 106.05 })).rejects.toThrow("connection refused");
    cache.stop();
  });
});
