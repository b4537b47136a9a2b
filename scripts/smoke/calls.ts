import { CALL_IN_PROGRESS_FIELDS, RECORDING_URL_KEY } from '../../src/callrailFacts';
import { segment } from '../../src/client';
import { monthsAgo, SEARCH_WINDOW_MONTHS } from '../../src/call/requests';
import { callResource } from '../../src/call/resource';
import type { Raw } from '../../src/fieldTable';
import { SAMPLE_PAGE_SIZE } from '../../src/polling';
import { attempt, type SmokeContext } from './context';
import { problemsOfAll, requestedProblems } from './payload';
import { queryOf } from './probe';
import { differs, holds, notChecked, verdict, type Finding } from './report';

/** Calls as New Call reads them: relative pagination, newest first, every field the table asks. */
export const callListParams = () => ({
  relative_pagination: true,
  per_page: SAMPLE_PAGE_SIZE,
  sort: 'start_time',
  order: 'desc',
  start_date: monthsAgo(SEARCH_WINDOW_MONTHS),
  fields: callResource.requestedFields,
});

type RelativePage = Raw & { has_next_page?: unknown; next_page?: unknown };

const relativeProblems = (body: RelativePage, base: string): string[] => {
  if (typeof body.has_next_page !== 'boolean') {
    return [`has_next_page is ${JSON.stringify(body.has_next_page) ?? 'missing'}`];
  }
  if (!body.has_next_page) return [];
  return typeof body.next_page === 'string' && body.next_page.startsWith(`${base}/`)
    ? []
    : [`next_page is ${JSON.stringify(body.next_page) ?? 'missing'}, not a URL under ${base}`];
};

const readCalls = async (context: SmokeContext): Promise<Finding[]> => {
  const { probe, base } = context;
  const params = callListParams();
  const checked = `GET calls.json${queryOf({ ...params, fields: '…' })}`;
  const body = await probe.get<RelativePage>('calls.json', params);
  const calls = await probe.itemsIn(body, 'calls', 'calls.json');
  context.listed.set('calls.json', calls);
  const paging = relativeProblems(body, base);
  const findings = [
    holds('list_envelopes', `${checked} → "calls"`),
    verdict('relative_pagination', checked, paging),
  ];
  if (paging.length === 0 && body.has_next_page === true) {
    const next = await probe.follow<Raw>(String(body.next_page));
    const more = await probe.itemsIn(next, 'calls', 'next_page');
    findings.push(holds('relative_pagination', `GET next_page → ${more.length} more calls`));
  }
  findings.push(
    calls.length === 0
      ? notChecked('call_fields', checked, 'no calls in the last 24 months')
      : verdict(
          'call_fields',
          `${checked} (${calls.length} calls)`,
          problemsOfAll(calls, (raw) => requestedProblems(callResource.fields, raw)),
        ),
  );
  return findings;
};

const readOneCall = async (context: SmokeContext, callId: string): Promise<Finding> => {
  const path = `calls/${segment(callId)}.json`;
  const call = await context.probe.get(path, { fields: callResource.requestedFields });
  return verdict(
    'call_fields',
    `GET ${path}?fields=…`,
    requestedProblems(callResource.fields, call),
  );
};

const readRecording = async (context: SmokeContext, callId: string): Promise<Finding> => {
  const path = `calls/${segment(callId)}/recording.json`;
  const answer = await context.probe.get(path);
  const url = answer[RECORDING_URL_KEY];
  return typeof url === 'string' && /^https?:\/\//.test(url)
    ? holds('RECORDING_URL_KEY', `GET ${path}`)
    : differs(
        'RECORDING_URL_KEY',
        `GET ${path}`,
        `keys ${Object.keys(answer).join(', ') || '(none)'}`,
      );
};

/** How recent a call must be to count as possibly still in progress. */
const IN_PROGRESS_MINUTES = 10;

const unknown = (value: unknown) => value === null || value === undefined;

/**
 * A recent call with one of CALL_IN_PROGRESS_FIELDS unknown is one the app holds as in progress;
 * CallRail's reading agrees when every one of those fields is unknown on it, not just some.
 */
export const callInProgress = (calls: readonly Raw[], now: number): Finding => {
  const recent = calls.filter(
    (call) =>
      now - Date.parse(String(call.start_time)) < IN_PROGRESS_MINUTES * 60_000 &&
      CALL_IN_PROGRESS_FIELDS.some((field) => unknown(call[field])),
  );
  const checked = `calls.json, calls started in the last ${IN_PROGRESS_MINUTES} minutes with ${CALL_IN_PROGRESS_FIELDS.join(' or ')} unknown`;
  if (recent.length === 0)
    return notChecked('CALL_IN_PROGRESS_FIELDS', checked, 'no call is in progress right now');
  const partly = recent.find(
    (call) => !CALL_IN_PROGRESS_FIELDS.every((field) => unknown(call[field])),
  );
  return partly === undefined
    ? holds('CALL_IN_PROGRESS_FIELDS', `${checked}: ${recent.length}`)
    : differs(
        'CALL_IN_PROGRESS_FIELDS',
        checked,
        `${CALL_IN_PROGRESS_FIELDS.map((field) => `${field} ${JSON.stringify(partly[field]) ?? 'missing'}`).join(', ')} on ${String(partly.id)}`,
      );
};

export const checkCalls = async (context: SmokeContext): Promise<Finding[]> => {
  const findings = await attempt('list_envelopes', 'GET calls.json', () => readCalls(context));
  const calls = context.listed.get('calls.json') ?? [];
  const first = calls.find((call) => typeof call.id === 'string');
  findings.push(
    ...(first
      ? await attempt('call_fields', 'GET calls/{id}.json', () =>
          readOneCall(context, String(first.id)),
        )
      : [notChecked('call_fields', 'GET calls/{id}.json', 'no call to read')]),
  );
  const recorded = calls.find((call) => call.recording);
  findings.push(
    ...(recorded
      ? await attempt('RECORDING_URL_KEY', 'GET calls/{id}/recording.json', () =>
          readRecording(context, String(recorded.id)),
        )
      : [
          notChecked(
            'RECORDING_URL_KEY',
            'GET calls/{id}/recording.json',
            'no recorded call listed',
          ),
        ]),
  );
  findings.push(callInProgress(calls, Date.now()));
  return findings;
};
