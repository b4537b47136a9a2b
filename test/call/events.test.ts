import { callEventKeys, hasWantedChange } from '../../src/call/events';
import { callResource } from '../../src/call/resource';

describe('callEventKeys', () => {
  it.each([
    ['post_call_webhook', undefined, ['post_call_webhook', 'post_outbound_call_webhook']],
    ['post_call_webhook', 'inbound', ['post_call_webhook']],
    ['post_call_webhook', 'outbound', ['post_outbound_call_webhook']],
    ['updated_call_webhook', undefined, ['updated_call_webhook', 'updated_outbound_call_webhook']],
    ['updated_call_webhook', 'outbound', ['updated_outbound_call_webhook']],
    ['pre_call_webhook', undefined, ['pre_call_webhook']],
    ['pre_call_webhook', 'outbound', []],
    ['answered_call_webhook', 'inbound', ['answered_call_webhook']],
  ] as const)('%s, direction %s → %j', (choice, direction, keys) => {
    expect(callEventKeys(choice, direction)).toEqual(keys);
  });
});

describe('hasWantedChange', () => {
  const modified = callResource.normalize({ id: 'CAL1', changes: ['transcription_text', 'note'] });

  it.each([
    ['no filter', 'updated_call_webhook', [], true],
    ['a listed change', 'updated_call_webhook', ['note'], true],
    [
      'a change named differently by CallRail',
      'updated_outbound_call_webhook',
      ['transcription'],
      true,
    ],
    ['only unlisted changes', 'updated_call_webhook', ['tags', 'score'], false],
    ['an event that is not a modification', 'post_call_webhook', ['tags'], true],
  ] as const)('%s', (_name, event, wanted, expected) => {
    expect(hasWantedChange(modified, event, wanted)).toBe(expected);
  });
});
