import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkBoundaryFeatures, findRegion } from '@registry/domain';
import { feature as topologyFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import type { BoundaryMapModel, UploadBoundaryMapInput } from './maps.models';

const COLUMNS = `m.id, m.name, m.licence, m.file_name as "fileName", m.unit_count as "unitCount", m.county_count as "countyCount",
  m.in_use as "inUse", m.uploaded_at as "uploadedAt", u.display_name as "uploadedBy", m.geojson`;

/** TopoJSON's objects as one GeoJSON FeatureCollection; GeoJSON as it is. */
function asFeatureCollection(parsed: unknown): unknown {
  const topology = parsed as Topology;
  if (topology && typeof topology === 'object' && topology.type === 'Topology' && topology.objects && typeof topology.objects === 'object') {
    const features: unknown[] = [];
    for (const object of Object.values(topology.objects)) {
      const converted = topologyFeature(topology, object as GeometryCollection) as unknown as { type: string; features?: unknown[] };
      if (converted.type === 'FeatureCollection') features.push(...(converted.features ?? []));
      else features.push(converted);
    }
    return { type: 'FeatureCollection', features };
  }
  return parsed;
}

/** The province's boundary maps: upload (checked, simplified, audited), the one in use, switching back to the tile map. */
@Injectable()
export class MapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async inUse(): Promise<BoundaryMapModel | null> {
    const [row] = await this.dataSource.query(`select ${COLUMNS} from boundary_map m left join app_user u on u.id = m.uploaded_by where m.in_use`);
    return row ? { ...row, id: String(row.id) } : null;
  }

  async list(): Promise<BoundaryMapModel[]> {
    const rows = await this.dataSource.query(`select ${COLUMNS} from boundary_map m left join app_user u on u.id = m.uploaded_by order by m.id desc limit 20`);
    return rows.map((row: BoundaryMapModel) => ({ ...row, id: String(row.id) }));
  }

  async upload(user: SessionUser, input: UploadBoundaryMapInput): Promise<BoundaryMapModel> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.content);
    } catch {
      throw RegistryError.badInput('content', '文件不是有效的 JSON（应为 GeoJSON 或 TopoJSON）');
    }
    let collection: unknown;
    try {
      collection = asFeatureCollection(parsed);
    } catch {
      throw RegistryError.badInput('content', 'TopoJSON 文件无法解析（拓扑或弧段有误）');
    }
    const checked = checkBoundaryFeatures(collection, (code) => findRegion(code));
    if (checked.problems.length) {
      const shown = checked.problems.slice(0, 10).join('；');
      throw RegistryError.badInput('content', checked.problems.length > 10 ? `${shown}；另有 ${checked.problems.length - 10} 处问题` : shown, { problems: checked.problems });
    }
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: checked.features });
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(`update boundary_map set in_use = false where in_use`);
      const [row] = await manager.query(
        `insert into boundary_map (name, licence, file_name, unit_count, county_count, geojson, in_use, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, true, $7) returning id`,
        [input.name.trim(), input.licence.trim(), input.fileName ?? null, checked.units, checked.counties, geojson, user.id],
      );
      await this.audit.record(
        user,
        { action: 'BOUNDARY_MAP_UPLOAD', objectType: 'boundary_map', objectId: String(row.id), regionPath: user.scopePath, detail: { name: input.name, licence: input.licence, units: checked.units, counties: checked.counties, bytes: geojson.length } },
        manager,
      );
      return String(row.id);
    });
    return (await this.inUse()) ?? Promise.reject(RegistryError.notFound('boundary_map', id));
  }

  /** Back to the schematic tile map (the map stays on record), or another upload in use again. */
  async use(user: SessionUser, id: string | null): Promise<BoundaryMapModel | null> {
    return this.dataSource.transaction(async (manager) => {
      if (id !== null) {
        const [exists] = /^\d{1,18}$/.test(id) ? await manager.query(`select id from boundary_map where id = $1`, [id]) : [];
        if (!exists) throw RegistryError.badInput('id', `地图 ${id} 不存在`);
      }
      await manager.query(`update boundary_map set in_use = false where in_use`);
      if (id !== null) await manager.query(`update boundary_map set in_use = true where id = $1`, [id]);
      await this.audit.record(user, { action: 'BOUNDARY_MAP_USE', objectType: 'boundary_map', objectId: id ?? undefined, regionPath: user.scopePath, detail: { inUse: id } }, manager);
      const [row] = id === null ? [] : await manager.query(`select ${COLUMNS} from boundary_map m left join app_user u on u.id = m.uploaded_by where m.id = $1`, [id]);
      return row ? { ...row, id: String(row.id) } : null;
    });
  }
}
