import { runFaultCommand } from '../../sandbox/cli';
import { FaultInjector } from '../../sandbox/faults';

describe('the sandbox CLI fault command', () => {
  it.each([
    [['fail', '503', '2'], 'the next 2 requests answer 503', [503, 503]],
    [['fail', '500'], 'the next 1 requests answer 500', [500]],
    [
      ['nonjson', '3'],
      'the next 3 requests answer an HTML page',
      ['nonJson', 'nonJson', 'nonJson'],
    ],
    [['drop'], 'the next 1 requests are dropped', ['drop']],
    [
      ['empty', '2'],
      'the next 2 requests are carried out and answered without a body',
      ['emptyBody', 'emptyBody'],
    ],
  ])('fault %j queues the switch', (args, reply, queued) => {
    const faults = new FaultInjector();
    expect(runFaultCommand(faults, args)).toBe(reply);
    const taken = Array.from({ length: faults.pending }, () => {
      const fault = faults.take();
      return fault?.kind === 'fail' ? fault.status : fault?.kind;
    });
    expect(taken).toEqual(queued);
  });

  it('sets and resets latency', () => {
    const faults = new FaultInjector();
    expect(runFaultCommand(faults, ['latency', '250'])).toBe('every response waits 250 ms');
    expect(faults.latencyMs).toBe(250);
    runFaultCommand(faults, ['drop', '2']);
    expect(runFaultCommand(faults, ['reset'])).toBe('faults off');
    expect([faults.latencyMs, faults.pending]).toEqual([0, 0]);
  });

  it('turns on the lasting switches the smoke check is tested with, until reset', () => {
    const faults = new FaultInjector();
    expect(runFaultCommand(faults, ['no-signing-key'])).toBe(
      'integrations now answer without signing_key',
    );
    expect(runFaultCommand(faults, ['ignore-fields'])).toBe('calls.json now ignores fields=');
    expect(runFaultCommand(faults, ['rename', 'calls', 'data'])).toBe(
      'lists under "calls" now answer under "data"',
    );
    expect(faults.deviations).toEqual({
      omitSigningKey: true,
      ignoreCallFields: true,
      renamedEnvelope: { key: 'calls', renamed: 'data' },
    });
    expect(runFaultCommand(faults, ['rename', 'calls'])).toBe(
      'rename needs a list key and a new name, got calls ',
    );
    runFaultCommand(faults, ['reset']);
    expect(faults.deviations).toEqual({
      omitSigningKey: false,
      ignoreCallFields: false,
      renamedEnvelope: null,
    });
  });

  it.each([
    [['fail', '404'], 'failNext supports 500 and 503, got 404'],
    [['drop', '0'], 'count must be a positive integer, got 0'],
    [['latency', 'soon'], 'latency must be a non-negative number, got NaN'],
    [
      ['melt'],
      'Unknown fault melt: fault fail|nonjson|drop|empty|latency|no-signing-key|ignore-fields|rename|reset. Type "help".',
    ],
    [
      [],
      'Unknown fault undefined: fault fail|nonjson|drop|empty|latency|no-signing-key|ignore-fields|rename|reset. Type "help".',
    ],
  ])('explains a bad fault %j without queueing anything', (args, reply) => {
    const faults = new FaultInjector();
    expect(runFaultCommand(faults, args)).toBe(reply);
    expect(faults.pending).toBe(0);
  });
});
