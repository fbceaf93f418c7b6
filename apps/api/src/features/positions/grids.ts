// The patrol grids' polygons: the one place onemap reads them for geometry — the geofence, and which
// grid (and so which station) takes a call. Grids change rarely (an administrator's edit); the cache
// is reloaded every `refreshMs`.
import { findGrid, pointInPolygon } from "@onemap/domain";
import { keepFresh } from "./refresh";
import type { GridPolygon, PositionRepository } from "./repository";

export class GridCache {
  private grids = new Map<string, GridPolygon>();
  private loaded = false;
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
    this.loaded = true;
  }

  get(id: string): GridPolygon | undefined {
    return this.grids.get(id);
  }

  contains(gridId: string, point: { lat: number; lon: number }): boolean | null {
    const grid = this.grids.get(gridId);
    return grid ? pointInPolygon(point, grid.polygon) : null;
  }

  /**
   * The grid that holds the point, or null outside them all. Until the cache has loaded once (the
   * database was down at start) it is read now: a call is never filed without its grid for want of a cache.
   */
  async locate(point: { lat: number; lon: number }): Promise<GridPolygon | null> {
    if (!this.loaded) await this.reload();
    return findGrid(point, [...this.grids.values()]);
  }
}
