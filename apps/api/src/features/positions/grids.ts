// The patrol grids' polygons: the one place onemap reads them for geometry — the geofence, and which
// grid (and so which station) takes a call. Grids change rarely (an administrator's edit); the cache
// is reloaded every `refreshMs`.
import { findGrid, pointInPolygon } from "@onemap/domain";
import { keepFresh } from "./refresh";
import type { GridPolygon, PositionRepository } from "./repository";

export class GridCache {
  private grids = new Map<string, GridPolygon>();
  private stopRefresh: () => void = () => undefined;

  constructor(
    private readonly repository: Pick<PositionRepository, "gridPolygons">,
    private readonly options: { refreshMs: number; onError: (error: unknown) => void },
  ) {}

  /** Loads the cache; if the database is not reachable yet, the periodic refresh keeps trying. */
  async start(): Promise<void> {
    this.stopRefresh = await keepFresh(() => this.reload(), this.options.refreshMs, this.options.onError);
  }

  stop(): void {
    this.stopRefresh();
  }

  async reload(): Promise<void> {
    this.grids = new Map((await this.repository.gridPolygons()).map((g) => [g.id, g]));
  }

  get(id: string): GridPolygon | undefined {
    return this.grids.get(id);
  }

  contains(gridId: string, point: { lat: number; lon: number }): boolean | null {
    const grid = this.grids.get(gridId);
    return grid ? pointInPolygon(point, grid.polygon) : null;
  }

  /** the grid that holds the point, or null outside them all */
  locate(point: { lat: number; lon: number }): GridPolygon | null {
    return findGrid(point, [...this.grids.values()]);
  }
}
