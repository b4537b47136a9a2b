import type { AfterResponseMiddleware, BeforeRequestMiddleware } from 'zapier-platform-core';

import { resolveApiBase } from './apiBase';
import { REQUEST_FROM, authorizationHeader } from './callrailFacts';
import { checkApiKey, secretsOf } from './client';
import { describeFailure, zapierErrorFor, type RequestContext } from './errors';

const isCallRailUrl = (url: string): boolean => url.startsWith(`${resolveApiBase()}/`);

/**
 * Credentials go to CallRail only, never to a URL taken from a response or a user. The one check
 * of the API key: a missing or unusable key stops the request here, before anything is sent,
 * with a message that never contains the key.
 */
const addAuthorization: BeforeRequestMiddleware = (request, z, bundle) => {
  if (!isCallRailUrl(request.url)) return request;
  const check = checkApiKey(bundle.authData.api_key);
  if (!check.ok) throw new z.errors.Error(check.message, check.code, 401);
  return {
    ...request,
    headers: { ...request.headers, Authorization: authorizationHeader(check.apiKey) },
  };
};

const identifyIntegration: BeforeRequestMiddleware = (request) =>
  isCallRailUrl(request.url)
    ? {
        ...request,
        headers: { Accept: 'application/json', ...request.headers, 'Request-From': REQUEST_FROM },
      }
    : request;

const contextOf = (request: { middlewareData?: Record<string, unknown> }): RequestContext => {
  const context = request.middlewareData?.callrail as RequestContext | undefined;
  return context ?? { action: 'complete the request' };
};

const isAllowed = (
  request: { middlewareData?: Record<string, unknown> },
  status: number,
): boolean => {
  const allowed = request.middlewareData?.allowStatuses;
  return Array.isArray(allowed) && allowed.includes(status);
};

const throwForCallRailErrors: AfterResponseMiddleware = (response, z, bundle) => {
  if (response.status < 400 || !isCallRailUrl(response.request.url ?? '')) return response;
  if (isAllowed(response.request, response.status)) {
    response.skipThrowForStatus = true;
    return response;
  }
  const failure = describeFailure(
    {
      status: response.status,
      content: response.content,
      retryAfter: response.getHeader('retry-after'),
    },
    contextOf(response.request),
  );
  throw zapierErrorFor(z, failure, secretsOf(bundle));
};

/**
 * An outage page or a proxy can answer 200 with HTML; say so rather than fail later. A raw
 * request (a recording's audio) asked for bytes, not JSON, and has no `content` to read.
 */
const requireJsonBody: AfterResponseMiddleware = (response, z) => {
  if ((response.request as { raw?: boolean }).raw === true) return response;
  const hasBody = response.content.trim() !== '';
  if (
    !hasBody ||
    response.status >= 400 ||
    response.data !== undefined ||
    !isCallRailUrl(response.request.url ?? '')
  ) {
    return response;
  }
  const type = response.getHeader('content-type') ?? 'no content type';
  throw new z.errors.Error(
    `CallRail answered with something that is not JSON (${type}) when asked to ` +
      `${contextOf(response.request).action}. This is usually an outage or maintenance page: ` +
      'try again in a few minutes.',
    'CallRailNotJson',
    response.status,
  );
};

export const befores = [addAuthorization, identifyIntegration];
export const afters = [throwForCallRailErrors, requireJsonBody];
