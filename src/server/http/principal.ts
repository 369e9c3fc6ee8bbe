import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../core/access/roles.js';
import { AppError } from './errors.js';

/** The signed-in person, or 401: the first line of every route that is not public. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}
