import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { callResource } from '../../src/call/resource';

const normalizeCall = callResource.normalize;
const CALL_OUTPUT_FIELDS = callResource.outputFields;
import restCall from '../fixtures/call-rest.json';

const webhookBody = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/webhook-post-call-test-vector.json'), 'utf8'),
) as Record<string, unknown>;

describe('normalizeCall', () => {
  it('gives REST calls and webhook bodies exactly the same keys, in output-field order', () => {
    const keys = CALL_OUTPUT_FIELDS.map((field) => field.key);
    expect(Object.keys(normalizeCall(restCall))).toEqual(keys);
    expect(Object.keys(normalizeCall(webhookBody))).toEqual(keys);
  });

  it('reads a REST call with requested fields', () => {
    const call = normalizeCall(restCall);
    expect(call).toMatchObject({
      id: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
      answered: false,
      duration: 4,
      recording_duration: 27,
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      tracker_id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
      tags: ['goodtag', 'new client'],
      tags_text: 'goodtag, new client',
      source: 'Google Paid',
      first_touch_source: 'Google Organic',
      first_touch_event_date: '2017-01-20T08:11:02.000-05:00',
      lead_created_campaign: 'Spring',
      qualified_source: null,
      business_phone_number: null,
      changes: [],
    });
  });

  it("reads CallRail's published webhook body: numeric ids, string numbers", () => {
    const call = normalizeCall(webhookBody);
    expect(call).toMatchObject({
      id: '766970532',
      duration: 13,
      answered: false,
      voicemail: true,
      company_id: '155920786',
      tracker_id: '354024023',
      source: 'Google Paid',
      customer_phone_number: '+12148654559',
      start_time: '2018-02-19T13:41:00.236-05:00',
      tags: [],
      tags_text: null,
    });
  });

  it.each([
    [
      'resource ids win over legacy numeric ids',
      {
        id: 766970532,
        resource_id: 'CALabc',
        company_id: 1,
        company_resource_id: 'COMx',
        tracker_id: 2,
        tracker_resource_id: 'TRKy',
      },
      { id: 'CALabc', company_id: 'COMx', tracker_id: 'TRKy' },
    ],
    [
      'string booleans',
      { id: 'CAL1', answered: 'true', first_call: 'false', voicemail: '1' },
      { answered: true, first_call: false, voicemail: true },
    ],
    ['unknown booleans are null', { id: 'CAL1', answered: 'maybe' }, { answered: null }],
    [
      'string and empty numbers',
      { id: 'CAL1', duration: '184', recording_duration: '' },
      { duration: 184, recording_duration: null },
    ],
    [
      'nonsense numbers are null',
      { id: 'CAL1', duration: 'n/a', recording_duration: Number.NaN },
      { duration: null, recording_duration: null },
    ],
    [
      'tags as objects',
      { id: 'CAL1', tags: [{ name: 'Hot' }, { name: '' }, 'Cold'] },
      { tags: ['Hot', 'Cold'], tags_text: 'Hot, Cold' },
    ],
    ['a single tag string', { id: 'CAL1', tags: 'Hot' }, { tags: ['Hot'] }],
    [
      'call-modified changes',
      { id: 'CAL1', changes: ['tags', 'note'] },
      { changes: ['tags', 'note'] },
    ],
    ['missing id', {}, { id: '' }],
    [
      'formatted source as a fallback',
      { id: 'CAL1', formatted_tracking_source: 'Direct' },
      { source: 'Direct' },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeCall(raw)).toMatchObject(expected);
  });

  it('labels every output field', () => {
    for (const field of CALL_OUTPUT_FIELDS) expect(field.label).toMatch(/^[A-Z(]/);
    expect(CALL_OUTPUT_FIELDS.find((field) => field.key === 'last_touch_landing')?.label).toBe(
      'Last Touch Landing Page',
    );
  });
});
