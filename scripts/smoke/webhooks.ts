import { MAX_PER_PAGE, WEBHOOK_EVENTS, WEBHOOKS_INTEGRATION_TYPE } from '../../src/callrailFacts';
import { segment } from '../../src/client';
import type { Raw } from '../../src/fieldTable';
import { attempt, listedOf, type SmokeContext } from './context';
import { differs, holds, notChecked, verdict, type Finding } from './report';

/** How many companies are looked through for a Webhooks integration to read. */
const MAX_COMPANIES = 5;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const needsCompany = async (context: SmokeContext): Promise<Finding> => {
  const answer = await context.probe.getAllowing('integrations.json', {}, [400]);
  return answer.status === 400
    ? holds('integrations_need_company', 'GET integrations.json without company_id → 400')
    : differs(
        'integrations_need_company',
        'GET integrations.json without company_id',
        `HTTP ${answer.status}`,
      );
};

const integrationsOf = async (context: SmokeContext, companyId: string): Promise<Raw[]> => {
  if (companyId === context.companyId && context.listed.has('integrations.json')) {
    return listedOf(context, 'integrations.json');
  }
  const params = { company_id: companyId, fields: 'signing_key', per_page: MAX_PER_PAGE };
  const body = await context.probe.get('integrations.json', params);
  return context.probe.itemsIn(body, 'integrations', 'integrations.json');
};

const shapeProblems = (integration: Raw): string[] => [
  ...(typeof integration.id === 'number' ? [] : [`id is ${JSON.stringify(integration.id)}`]),
  ...(['active', 'disabled'].includes(String(integration.state))
    ? []
    : [`state is ${JSON.stringify(integration.state)}`]),
  ...(isRecord(integration.config) ? [] : [`config is ${JSON.stringify(integration.config)}`]),
];

const configProblems = (config: Raw): string[] =>
  Object.entries(config).flatMap(([key, urls]) => [
    ...(key in WEBHOOK_EVENTS ? [] : [`unknown key ${key}`]),
    ...(Array.isArray(urls) && urls.every((url) => typeof url === 'string')
      ? []
      : [`${key} is not a list of URLs`]),
  ]);

const hasSigningKey = (integration: Raw) =>
  typeof integration.signing_key === 'string' && integration.signing_key !== '';

const readIntegration = async (
  context: SmokeContext,
  companyId: string,
  integration: Raw,
  all: Raw[],
): Promise<Finding[]> => {
  const listed = `GET integrations.json?company_id=${companyId}&fields=signing_key`;
  const path = `integrations/${segment(String(integration.id))}.json`;
  const one = await context.probe.get(path, { fields: 'signing_key' });
  const webhooks = all.filter((item) => item.type === WEBHOOKS_INTEGRATION_TYPE).length;
  return [
    verdict(
      'WEBHOOKS_INTEGRATION_TYPE',
      listed,
      webhooks > 1 ? [`${webhooks} Webhooks integrations`] : [],
    ),
    verdict('integration_shape', listed, shapeProblems(integration)),
    verdict(
      'WEBHOOK_EVENTS',
      `${listed}: config`,
      isRecord(integration.config) ? configProblems(integration.config) : ['no config'],
    ),
    verdict(
      'signing_key_on_request',
      listed,
      hasSigningKey(integration)
        ? []
        : [`no signing_key (keys: ${Object.keys(integration).join(', ')})`],
    ),
    verdict(
      'signing_key_on_request',
      `GET ${path}?fields=signing_key`,
      hasSigningKey(one) ? [] : [`no signing_key (keys: ${Object.keys(one).join(', ')})`],
    ),
  ];
};

const findIntegration = async (context: SmokeContext): Promise<Finding[]> => {
  const listedCompanies = listedOf(context, 'companies.json').map((company) => String(company.id));
  const companies = [...new Set([context.companyId ?? '', ...listedCompanies])]
    .filter(Boolean)
    .slice(0, MAX_COMPANIES);
  for (const companyId of companies) {
    const all = await integrationsOf(context, companyId);
    const integration = all.find((item) => item.type === WEBHOOKS_INTEGRATION_TYPE);
    if (integration) return readIntegration(context, companyId, integration, all);
  }
  const why = `none of ${companies.length} companies has a Webhooks integration (--write adds a URL to one and takes it out)`;
  return (
    [
      'WEBHOOKS_INTEGRATION_TYPE',
      'integration_shape',
      'WEBHOOK_EVENTS',
      'signing_key_on_request',
    ] as const
  ).map((fact) => notChecked(fact, 'GET integrations.json?company_id=…', why));
};

export const checkWebhooks = async (context: SmokeContext): Promise<Finding[]> => [
  ...(await attempt('integrations_need_company', 'GET integrations.json', () =>
    needsCompany(context),
  )),
  ...(await attempt('integration_shape', 'GET integrations.json?company_id=…', () =>
    findIntegration(context),
  )),
];
