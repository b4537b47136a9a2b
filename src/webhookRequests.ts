import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE, WEBHOOKS_INTEGRATION_TYPE } from './callrailFacts';
import type { Integration } from './callrailTypes';
import { callRail, callRailResponse, itemsOf, segment } from './client';
import type { WebhookConfig } from './webhookConfig';

/** The requests on a company's one Webhooks integration, each asking for its signing key. */

const forbiddenHint =
  "Adding a webhook needs a CallRail user allowed to manage the company's integrations (usually an admin): " +
  "reconnect with such a user's API key, or use the polling New Call trigger instead.";

/** The company's Webhooks integration, if it has one. */
export const findIntegration = async (z: ZObject, bundle: Bundle, companyId: string) => {
  const endpoint = 'integrations.json';
  const body = await callRail<unknown>(z, bundle, {
    path: endpoint,
    params: { company_id: companyId, fields: 'signing_key', per_page: MAX_PER_PAGE },
    context: {
      action: "read the company's webhooks",
      resource: `company ${companyId}`,
      forbiddenHint,
    },
  });
  return itemsOf<Integration>(z, body, 'integrations', endpoint).find(
    (integration) => integration.type === WEBHOOKS_INTEGRATION_TYPE,
  );
};

/** The integration as stored now; a 404 (it is gone) is returned, not thrown. */
export const readIntegration = (z: ZObject, bundle: Bundle, id: number | string) =>
  callRailResponse<Integration>(z, bundle, {
    path: `integrations/${segment(String(id))}.json`,
    params: { fields: 'signing_key' },
    context: { action: 'read the webhooks integration', forbiddenHint },
    allowStatuses: [404],
  });

/** Replaces the whole config; a disabled integration is switched back on. */
export const writeConfig = (
  z: ZObject,
  bundle: Bundle,
  integration: Integration,
  config: WebhookConfig,
) =>
  callRail<Integration>(z, bundle, {
    method: 'PUT',
    path: `integrations/${segment(String(integration.id))}.json`,
    body: integration.state === 'disabled' ? { config, state: 'active' } : { config },
    context: { action: 'update the webhooks integration', isWrite: true, forbiddenHint },
  });

/** A 422 is returned, not thrown: another Zap may have created the company's one a moment ago. */
export const createIntegration = (
  z: ZObject,
  bundle: Bundle,
  companyId: string,
  config: WebhookConfig,
) =>
  callRailResponse<Integration & { error?: string }>(z, bundle, {
    method: 'POST',
    path: 'integrations.json',
    body: { type: WEBHOOKS_INTEGRATION_TYPE, company_id: companyId, config },
    context: {
      action: 'add a webhooks integration',
      resource: `company ${companyId}`,
      isWrite: true,
      forbiddenHint,
    },
    allowStatuses: [422],
  });
