import { provinces, regions } from '../../core/territories/territories.js';
import type { Db } from '../db/database.js';

/** Writes the 12 regions and 75 prefectures and provinces; run at each migration, idempotent. */
export async function syncTerritories(db: Db): Promise<void> {
  await db
    .insertInto('regions')
    .values(
      regions.map((region) => ({
        code: region.code,
        isoCode: region.isoCode,
        nameFr: region.name.fr,
        nameAr: region.name.ar,
        capital: region.capital,
        population2024: region.population2024,
        latitude: region.centroid.lat,
        longitude: region.centroid.lon,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        isoCode: eb.ref('excluded.isoCode'),
        nameFr: eb.ref('excluded.nameFr'),
        nameAr: eb.ref('excluded.nameAr'),
        capital: eb.ref('excluded.capital'),
        population2024: eb.ref('excluded.population2024'),
        latitude: eb.ref('excluded.latitude'),
        longitude: eb.ref('excluded.longitude'),
      })),
    )
    .execute();
  await db
    .insertInto('provinces')
    .values(
      provinces.map((province) => ({
        code: province.code,
        regionCode: province.regionCode,
        isoCode: province.isoCode,
        kind: province.kind,
        nameFr: province.name.fr,
        nameAr: province.name.ar,
        population2024: province.population2024,
        households2024: province.households2024,
        communeCount: province.communeCount,
        latitude: province.centroid.lat,
        longitude: province.centroid.lon,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        regionCode: eb.ref('excluded.regionCode'),
        isoCode: eb.ref('excluded.isoCode'),
        kind: eb.ref('excluded.kind'),
        nameFr: eb.ref('excluded.nameFr'),
        nameAr: eb.ref('excluded.nameAr'),
        population2024: eb.ref('excluded.population2024'),
        households2024: eb.ref('excluded.households2024'),
        communeCount: eb.ref('excluded.communeCount'),
        latitude: eb.ref('excluded.latitude'),
        longitude: eb.ref('excluded.longitude'),
      })),
    )
    .execute();
}
