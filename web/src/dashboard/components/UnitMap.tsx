import { useQuery } from '@apollo/client/react';
import { BoundaryMapDocument, type RegionFiguresFieldsFragment } from '@registry/graphql-client';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DistributionMetric } from '../utils/figures';
import { BoundaryMap } from './BoundaryMap';
import { UnitTileMap } from './UnitTileMap';

interface Props {
  rows: readonly RegionFiguresFieldsFragment[];
  loading: boolean;
  metric: DistributionMetric;
  onDrill: (regionCode: string) => void;
}

/**
 * The province's map of its reporting units: the schematic tile map by default and as the
 * fallback; the uploaded licensed boundary map when the province has one in use and the reader
 * picks it (?map=boundary).
 */
export function UnitMap(props: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data } = useQuery(BoundaryMapDocument, { fetchPolicy: 'cache-first' });
  const boundary = data?.boundaryMap;
  const wanted = params.get('map') === 'boundary' ? 'boundary' : 'tile';
  const showing = boundary ? wanted : 'tile';
  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'boundary') next.set('map', 'boundary');
    else next.delete('map');
    setParams(next, { replace: true });
  };
  return (
    <div>
      {boundary ? (
        <Segmented
          size="small"
          style={{ marginBottom: 8 }}
          value={showing}
          onChange={(value) => choose(String(value))}
          options={[
            { value: 'tile', label: t('dashboard.boundaryMap.tile') },
            { value: 'boundary', label: t('dashboard.boundaryMap.boundary') },
          ]}
          aria-label={t('dashboard.boundaryMap.switch')}
        />
      ) : null}
      {showing === 'boundary' && boundary ? <BoundaryMap geojson={boundary.geojson} name={boundary.name} licence={boundary.licence} {...props} /> : <UnitTileMap {...props} />}
    </div>
  );
}
