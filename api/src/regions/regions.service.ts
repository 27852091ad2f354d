import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isWithinScope } from '@registry/domain';
import { Repository } from 'typeorm';
import type { SessionUser } from '../common/session-user';
import { RegistryError } from '../common/registry-error';
import { outsideScope } from '../common/scope-denials';
import { RegionEntity } from './region.entity';

// Regions are reference data (about a thousand rows, changed only by migrations), so they are
// held in memory: region lookups in field resolvers cost no SQL.
interface RegionVersion {
  code: string;
  name: string;
  parentCode: string | null;
  path: string;
  from: string;
  to: string | null;
}

@Injectable()
export class RegionsService implements OnApplicationBootstrap {
  private byCode = new Map<string, RegionEntity>();
  private byParent = new Map<string | null, RegionEntity[]>();
  /** region_version rows by region (only regions that were moved or renamed) */
  private versions = new Map<string, RegionVersion[]>();

  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const all = await this.regions.find({ order: { code: 'ASC' } });
    this.byCode = new Map(all.map((region) => [region.code, region]));
    this.byParent = new Map();
    for (const region of all) {
      const siblings = this.byParent.get(region.parentCode) ?? [];
      siblings.push(region);
      this.byParent.set(region.parentCode, siblings);
    }
    const versions: RegionVersion[] = await this.regions.manager.query(
      `select region_code as code, name, parent_code as "parentCode", path, valid_from::text as "from", valid_to::text as "to"
       from region_version order by region_code, valid_from`,
    );
    this.versions = new Map();
    for (const version of versions) this.versions.set(version.code, [...(this.versions.get(version.code) ?? []), version]);
  }

  /** A region as it was on a date (name, parent, path): its version then, else as it is. */
  asOn(region: RegionEntity, date: string): RegionEntity {
    const version = this.versions.get(region.code)?.find((entry) => entry.from <= date && (entry.to === null || entry.to >= date));
    return version ? Object.assign(new RegionEntity(), region, { name: version.name, parentCode: version.parentCode, path: version.path }) : region;
  }

  /** The codes of a region and every region below it on a date (the hierarchy then). */
  codesWithinOn(code: string, date: string): string[] {
    const region = this.byCode.get(code);
    if (!region) return [];
    const scope = this.asOn(region, date).path;
    const codes: string[] = [];
    for (const candidate of this.byCode.values()) if (this.asOn(candidate, date).path.startsWith(scope)) codes.push(candidate.code);
    return codes;
  }

  /** The children of a region on a date (the hierarchy a past year's figures use). */
  childrenOn(parentCode: string, date: string): RegionEntity[] {
    const candidates = new Map((this.byParent.get(parentCode) ?? []).map((region) => [region.code, region]));
    for (const [code, versions] of this.versions) {
      if (versions.some((version) => version.parentCode === parentCode)) candidates.set(code, this.byCode.get(code)!);
    }
    return [...candidates.values()]
      .map((region) => this.asOn(region, date))
      .filter((region) => region.parentCode === parentCode)
      .sort((left, right) => left.code.localeCompare(right.code));
  }

  find(code: string): RegionEntity | undefined {
    return this.byCode.get(code);
  }

  /** Every region's code (system work only: no jurisdiction applies). */
  allCodes(): string[] {
    return [...this.byCode.keys()];
  }

  /** Visible: inside the user's subtree, or an ancestor of it (to navigate down to it). */
  isVisible(region: RegionEntity, user: SessionUser): boolean {
    return isWithinScope(region.path, user.scopePath) || isWithinScope(user.scopePath, region.path);
  }

  /** Children of parentCode, or every visible region when parentCode is omitted. */
  list(user: SessionUser, parentCode?: string | null): RegionEntity[] {
    const candidates = parentCode ? (this.byParent.get(parentCode) ?? []) : [...this.byCode.values()];
    return candidates.filter((region) => this.isVisible(region, user));
  }

  /**
   * A region the user may file records under: it exists and lies inside the user's scope. One
   * outside it answers like an unknown code; the attempt is recorded as ACCESS_DENIED (after the
   * response, so the answer takes as long as for an unknown code).
   */
  requireWritable(code: string, user: SessionUser, field = 'regionCode'): RegionEntity {
    const region = this.byCode.get(code);
    const unknown = () => RegistryError.badInput(field, `地区代码 ${code} 不存在`);
    if (!region) throw unknown();
    if (!isWithinScope(region.path, user.scopePath)) throw outsideScope(unknown(), { objectType: 'region', objectId: code, regionPath: region.path });
    return region;
  }

  /** A region the user may filter by; outside the scope it answers like an unknown code. */
  requireReadable(code: string, user: SessionUser, field = 'regionCode'): RegionEntity {
    const region = this.byCode.get(code);
    if (!region || !isWithinScope(region.path, user.scopePath)) {
      throw RegistryError.badInput(field, `地区代码 ${code} 不存在`);
    }
    return region;
  }

  /** The path to filter a list by: the given region's, or the user's whole scope. */
  filterPath(user: SessionUser, regionCode?: string | null): string {
    return regionCode ? this.requireReadable(regionCode, user).path : user.scopePath;
  }
}
