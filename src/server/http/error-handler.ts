import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { messages, pickLocale } from '../../core/i18n/messages.js';
import type { ErrorBody, ErrorCode, Issue } from '../../core/shared/errors.js';
import { AppError, httpStatusOf } from './errors.js';

function issuesFromValidation(error: FastifyError): Issue[] {
  return (error.validation ?? []).map((item) => {
    const params = (item.params ?? {}) as Record<string, unknown>;
    const custom = (params.params as { key?: string } | undefined)?.key;
    const kept: Record<string, unknown> = {};
    for (const name of ['minimum', 'maximum', 'format', 'origin']) {
      if (params[name] !== undefined) kept[name] = typeof params[name] === 'bigint' ? Number(params[name]) : params[name];
    }
    return {
      path: item.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      key: custom ?? item.keyword,
      ...(Object.keys(kept).length > 0 ? { params: kept } : {}),
    };
  });
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'validation';
  return 'internal';
}

/** One place maps every error to a code, a status and a message in the requester's language; a 500 never leaks its text. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let code: ErrorCode;
  let issues: Issue[] | undefined;
  let params: Record<string, unknown> | undefined;
  if (error instanceof AppError) {
    code = error.code;
    issues = error.issues;
    params = Object.keys(error.params).length > 0 ? error.params : undefined;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    code = 'validation';
    issues = issuesFromValidation(error);
  } else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    code = 'csrf';
  } else if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    code = 'internal';
  } else {
    code = codeForStatus(error.statusCode ?? 500);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
  }
  const locale = pickLocale(request.principal?.locale, request.headers['accept-language']);
  const body: ErrorBody = {
    error: { code, message: messages[locale].errors[code], ...(issues ? { issues } : {}), ...(params ? { params } : {}) },
  };
  const status = code === 'validation' && !(error instanceof AppError) && !hasZodFastifySchemaValidationErrors(error) && error.statusCode
    ? error.statusCode
    : httpStatusOf(code);
  return reply.status(status).send(body);
}
