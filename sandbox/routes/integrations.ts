import { setTimeout as delay } from 'node:timers/promises';
import type { ApiResponse, Handler, RequestContext } from '../http';
import {
  ApiError,
  bodyObject,
  isObject,
  missingParam,
  NOT_FOUND,
  ok,
  requireString,
} from '../http';
import { offsetPage } from '../pagination';
import { integrationView } from '../serializers';
import type { IntegrationRecord, WebhookConfig } from '../types';
import { WEBHOOK_CONFIG_KEYS } from '../types';

/**
 * Integrations, i.e. webhook subscriptions. One Webhooks integration per company holds every
 * subscriber's URLs, which is why PUT replacing the config wholesale is dangerous for apps
 * that forget to merge.
 */

const withSigningKey = (ctx: RequestContext): boolean =>
  (ctx.query.get('fields') ?? '').split(',').some((f) => f.trim() === 'signing_key');

const unprocessable = (message: string): ApiError => new ApiError(422, message);

function validConfig(raw: unknown): WebhookConfig {
  if (!isObject(raw)) throw unprocessable('Config must be an object of webhook URL lists');
  const config: WebhookConfig = {};
  for (const [key, urls] of Object.entries(raw)) {
    const event = WEBHOOK_CONFIG_KEYS.find((k) => k === key);
    if (!event) throw unprocessable(`Config contains an unknown webhook type: ${key}`);
    if (
      !Array.isArray(urls) ||
      urls.some((u) => typeof u !== 'string' || !/^https?:\/\/\S+$/.test(u))
    ) {
      throw unprocessable(`Config ${key} must be an array of http(s) URLs`);
    }
    config[event] = urls.map(String);
  }
  return config;
}

function validState(raw: unknown): IntegrationRecord['state'] {
  if (raw === 'active' || raw === 'disabled') return raw;
  throw unprocessable('State is not included in the list');
}

function findIntegration(ctx: RequestContext, id: string | undefined): IntegrationRecord {
  const integration = ctx.store.integration(ctx.account.id, id ?? '');
  if (!integration) throw new ApiError(404, NOT_FOUND);
  return integration;
}

/** A random wait of 0..`fraction` × the store's integration delay (none when it is 0). */
const busy = (ctx: RequestContext, fraction = 1): Promise<void> | undefined => {
  const most = ctx.store.integrationWriteDelayMs * fraction;
  return most > 0 ? delay(Math.random() * most) : undefined;
};

/**
 * A read's answer: at once, or, when integration requests race, serialised now (what is stored
 * as the read arrives) and sent after a busy server's wait.
 */
const answerRead = (
  ctx: RequestContext,
  response: ApiResponse,
): ApiResponse | Promise<ApiResponse> => {
  const wait = busy(ctx, 0.5);
  if (!wait) return response;
  const snapshot = structuredClone(response);
  return wait.then(() => snapshot);
};

/** GET integrations.json?company_id=…: company_id is required (400 without it). */
export const listIntegrations: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  if (!companyId) throw missingParam('company_id');
  if (!ctx.store.companyIn(ctx.account.id, companyId)) throw new ApiError(404, NOT_FOUND);
  const integrations = ctx.store.integrations.filter((i) => i.company_id === companyId);
  const signingKey = withSigningKey(ctx);
  return answerRead(
    ctx,
    offsetPage(ctx, integrations, 'integrations', (i) => integrationView(i, ctx.store, signingKey)),
  );
};

export const getIntegration: Handler = (ctx, [, id]) =>
  answerRead(ctx, ok(integrationView(findIntegration(ctx, id), ctx.store, withSigningKey(ctx))));

/** POST integrations.json: `{type: "Webhooks", company_id, config}`. */
export const createIntegration: Handler = (ctx) => {
  const body = bodyObject(ctx);
  const type = requireString(body, 'type');
  const companyId = requireString(body, 'company_id');
  if (type !== 'Webhooks') throw unprocessable('Type is not included in the list');
  const company = ctx.store.companyIn(ctx.account.id, companyId);
  if (!company) throw unprocessable('Company not found');
  if (ctx.store.webhooksIntegration(company.id)) {
    throw unprocessable('A Webhooks integration already exists for this company');
  }
  const integration: IntegrationRecord = {
    id: ctx.store.nextIntegrationId(),
    account_id: ctx.account.id,
    type: 'Webhooks',
    company_id: company.id,
    state: body.state === undefined ? 'active' : validState(body.state),
    config: validConfig(body.config ?? {}),
    created_at: ctx.now().toISOString(),
  };
  ctx.store.integrations.push(integration);
  return ok(integrationView(integration, ctx.store, withSigningKey(ctx)), 201);
};

/**
 * PUT integrations/{id}.json: `config` replaces the whole config (no merge); `state` toggles it.
 * With `integrationWriteDelayMs`, the record is read, then the write lands after a random wait:
 * whatever another request stored meanwhile is overwritten with this body's config.
 */
export const updateIntegration: Handler = async (ctx, [, id]) => {
  const integration = findIntegration(ctx, id);
  const body = bodyObject(ctx);
  const state = body.state === undefined ? integration.state : validState(body.state);
  const config = body.config === undefined ? integration.config : validConfig(body.config);
  await busy(ctx);
  integration.state = state;
  integration.config = config;
  return ok(integrationView(integration, ctx.store, withSigningKey(ctx)));
};

/** DELETE integrations/{id}.json only disables it; 204 without a body. */
export const disableIntegration: Handler = (ctx, [, id]) => {
  findIntegration(ctx, id).state = 'disabled';
  return { status: 204 };
};
