import type { ErrorCode, Issue } from '../../core/shared/errors.js';

const statusByCode: Record<ErrorCode, number> = {
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  rate_limited: 429,
  internal: 500,
};

/** An error the client may see: a code from the closed set, parameters to translate it. */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly issues?: Issue[],
  ) {
    super(code);
    this.statusCode = statusByCode[code];
  }
}

export const notFound = (params: Record<string, unknown> = {}) => new AppError('not_found', params);
export const forbidden = () => new AppError('forbidden');
export const validationFailed = (issues: Issue[]) => new AppError('validation', {}, issues);
export const conflict = (params: Record<string, unknown> = {}) => new AppError('conflict', params);

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code];
}
