// The patrol grids' polygons, for geofencing. Grids change rarely (an administrator's edit); the
// cache is reloaded every `refreshMs`.
import { pointInPolygon } from "@onemap/domain";
import type { GeoJsonPolygon } from "@onemap/shared";
import type pg from "pg";
import { keepFresh } from "./refresh";

export interface CachedGrid {
  id: string;
  name: string;
  stationId: string;
  polygon: GeoJsonPolygon;
}

export class GridCache {
  private grids = new Map<string, CachedGrid>();
  private stopRefresh: () => void = () => undefined;

  constructor(
    private readonly pool: pg.Pool,
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
    const { rows } = await this.pool.query<CachedGrid>(`SELECT id, name, "stationId", polygon FROM "Grid"`);
    this.grids = new Map(rows.map((g) => [g.id, g]));
  }

  get(id: string): CachedGrid | undefined {
    return this.grids.get(id);
  }

  contains(gridId: string, point: { lat: number; lon: number }): boolean | null {
    const grid = this.grids.get(gridId);
    return grid ? pointInPolygon(point, grid.polygon) : null;
  }
}
