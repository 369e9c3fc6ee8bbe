import { signedIn, type Case, type Expected } from './support.js';

/**
 * Programme-wide reports: the programme's team and its funders read them; a
 * representative sees that their cooperative's programme exists (403), another
 * cooperative's representative does not (404).
 */
const programmeReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 404 });

/** Programme needs: heat map, constraints, baseline against endline. */
export const needsCases: Case[] = [
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/needs/heatmap',
    expected: programmeReaders(200),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/needs/heatmap?sort=overall&direction=desc` }),
  },
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/needs/constraints',
    expected: programmeReaders(200),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/needs/constraints` }),
  },
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/needs/comparison',
    expected: programmeReaders(200),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/needs/comparison` }),
  },
];
