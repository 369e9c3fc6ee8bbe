import { z } from 'zod';
import { provinces, regions, territoriesAttribution } from '../../core/territories/territories.js';
import type { App } from '../http/types.js';

const localizedName = z.object({ fr: z.string(), ar: z.string() });

/** Public reference data: no personal data, the same for everyone. */
export async function territoryRoutes(app: App) {
  app.get(
    '/api/territories',
    {
      schema: {
        tags: ['territories'],
        summary: 'Morocco’s 12 regions and 75 prefectures and provinces',
        response: {
          200: z.object({
            attribution: z.string(),
            regions: z.array(z.object({ code: z.string(), isoCode: z.string(), name: localizedName, capital: z.string(), population2024: z.number() })),
            provinces: z.array(
              z.object({ code: z.string(), regionCode: z.string(), isoCode: z.string(), kind: z.string(), name: localizedName, population2024: z.number(), centroid: z.object({ lat: z.number(), lon: z.number() }) }),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return { attribution: territoriesAttribution, regions: [...regions], provinces: [...provinces] };
    },
  );
}
