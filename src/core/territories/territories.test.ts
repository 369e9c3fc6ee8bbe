import { describe, expect, it } from 'vitest';
import { findProvince, findRegion, provinces, regions } from './territories.js';

describe('territories', () => {
  it('has the 12 regions and 75 prefectures and provinces', () => {
    expect(regions).toHaveLength(12);
    expect(provinces).toHaveLength(75);
    for (const region of regions) {
      expect(provinces.filter((p) => p.regionCode === region.code).map((p) => p.code).sort()).toEqual(
        [...region.provinceCodes].sort(),
      );
    }
  });

  it.each([
    ['Laâyoune', '11.321'],
    ['laayoune', '11.321'],
    ['العيون', '11.321'],
    ['Province de Tarfaya', '11.537'],
    ['إقليم طرفاية', '11.537'],
    ['Inezgane-Ait Melloul', '09.273'],
    ['inezgane ait melloul', '09.273'],
    ['Préfecture d’Agadir-Ida-Ou-Tanane', '09.001'],
    ['09.541', '09.541'],
    ['MA-BOD', '11.121'],
    ['Taroudant', '09.541'],
    ['Province de Taroudant', '09.541'],
  ])('finds %s', (text, code) => {
    expect(findProvince(text)?.code).toBe(code);
  });

  it('finds nothing for an unknown name', () => {
    expect(findProvince('Atlantis')).toBeUndefined();
    expect(findProvince('')).toBeUndefined();
  });

  it('finds regions by French or Arabic name', () => {
    expect(findRegion('Souss-Massa')?.code).toBe('09');
    expect(findRegion('سوس-ماسة')?.code).toBe('09');
  });
});
