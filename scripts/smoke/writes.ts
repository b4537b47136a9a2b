import { randomBytes } from 'node:crypto';

import { WEBHOOKS_INTEGRATION_TYPE } from '../../src/callrailFacts';
import { callRail, segment } from '../../src/client';
import type { Raw } from '../../src/fieldTable';
import { checkUsCaPhoneNumber } from '../../src/phone';
import { createTag } from '../../src/tag/requests';
import { sendTexts } from '../../src/textMessage/requests';
import { subscribe, unsubscribe } from '../../src/webhookIntegration';
import { attempt, type SmokeContext } from './context';
import { verdict, type Finding } from './report';

/** What `--write` may change: a company of the account, and a number to text (only if given). */
export interface WriteOptions {
  companyId: string;
  to?: string;
}

const configOf = async (context: SmokeContext, companyId: string): Promise<Raw> => {
  const body = await context.probe.get('integrations.json', { company_id: companyId });
  const all = await context.probe.itemsIn(body, 'integrations', 'integrations.json');
  const config = all.find((item) => item.type === WEBHOOKS_INTEGRATION_TYPE)?.config;
  return typeof config === 'object' && config !== null ? (config as Raw) : {};
};

const urlsIn = (config: Raw): string[] =>
  Object.values(config).flatMap((urls) => (Array.isArray(urls) ? urls.map(String) : []));

const webhookRoundTrip = async (
  context: SmokeContext,
  companyId: string,
  say: (line: string) => void,
) => {
  const url = `https://example.com/callrail-zapier-smoke/${randomBytes(6).toString('hex')}`;
  const urls = { post_call_webhook: url };
  say(
    `--write: adding ${url} to company ${companyId}'s Webhooks integration (post_call_webhook), then taking it out again; its other URLs are kept`,
  );
  const before = urlsIn(await configOf(context, companyId));
  const registration = await context.probe.run((z, bundle) =>
    subscribe(z, bundle, { companyId, urls }),
  );
  const added = urlsIn(await configOf(context, companyId));
  await context.probe.run((z, bundle) =>
    unsubscribe(z, bundle, { integrationId: registration.integrationId, companyId, urls }),
  );
  const after = urlsIn(await configOf(context, companyId));
  const problems = [
    ...(added.includes(url) ? [] : ['the URL was not read back after adding it']),
    ...(after.includes(url) ? ['the URL is still there after taking it out'] : []),
    ...before.filter((other) => !after.includes(other)).map((other) => `lost ${other}`),
  ];
  return verdict(
    'webhook_url_roundtrip',
    `PUT integrations/${registration.integrationId}.json twice`,
    problems,
  );
};

const tagRoundTrip = async (
  context: SmokeContext,
  companyId: string,
  say: (line: string) => void,
) => {
  const name = `Zapier smoke ${randomBytes(3).toString('hex')}`;
  say(`--write: creating the tag "${name}" in company ${companyId}, then deleting it`);
  const tag = await context.probe.run((z, bundle) => createTag(z, bundle, { name, companyId }));
  await context.probe.run((z, bundle) =>
    callRail(z, bundle, {
      method: 'DELETE',
      path: `tags/${segment(tag.id)}.json`,
      context: { action: 'delete the smoke tag', isWrite: true },
    }),
  );
  return verdict(
    'tag_create_delete',
    `POST tags.json, DELETE tags/${tag.id}.json`,
    tag.id ? [] : ['the new tag had no id'],
  );
};

const textOnce = async (
  context: SmokeContext,
  companyId: string,
  to: string,
  say: (line: string) => void,
) => {
  const number = checkUsCaPhoneNumber(to);
  if (!number.ok) throw new Error(`--to ${to} is not a US or Canadian number`);
  const body = await context.probe.get('trackers.json', {
    company_id: companyId,
    status: 'active',
  });
  const trackers = await context.probe.itemsIn(body, 'trackers', 'trackers.json');
  const from = trackers.find(
    (tracker) => tracker.sms_enabled === true && Array.isArray(tracker.tracking_numbers),
  );
  const trackingNumber = String((from?.tracking_numbers as unknown[] | undefined)?.[0] ?? '');
  if (!trackingNumber) throw new Error(`company ${companyId} has no texting number`);
  const message = 'CallRail for Zapier: smoke test text.';
  say(`--write: texting ${number.e164} from ${trackingNumber}: "${message}"`);
  await context.probe.run((z, bundle) =>
    sendTexts(z, bundle, {
      companyId,
      trackingNumber,
      customerNumber: number.e164,
      parts: [message],
      mediaUrl: undefined,
      message,
    }),
  );
  return verdict('text_send', `POST text-messages.json to ${number.e164}`, []);
};

/** The opt-in checks that change the account, each announced before it runs. */
export const checkWrites = async (
  context: SmokeContext,
  options: WriteOptions,
  say: (line: string) => void,
): Promise<Finding[]> => {
  const { companyId, to } = options;
  return [
    ...(await attempt('webhook_url_roundtrip', 'PUT integrations/{id}.json', () =>
      webhookRoundTrip(context, companyId, say),
    )),
    ...(await attempt('tag_create_delete', 'POST tags.json', () =>
      tagRoundTrip(context, companyId, say),
    )),
    ...(to
      ? await attempt('text_send', 'POST text-messages.json', () =>
          textOnce(context, companyId, to, say),
        )
      : []),
  ];
};
