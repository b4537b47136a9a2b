import { createInterface } from 'node:readline';
import type { Sandbox } from './index';
import { startSandbox } from './index';
import type { SandboxFaults } from './faults';
import { CALL_WEBHOOK_EVENTS, type WebhookDelivery } from './types';

/**
 * Runs the sandbox on its own: `node dist/sandbox/cli.js [--port N] [--log]`. Prints what a
 * person needs to point the app at it, then takes a few commands on stdin to make things happen.
 */

const USAGE = `Usage: node dist/sandbox/cli.js [--port N] [--log]
  --port N   listen on 127.0.0.1:N (default: a free port)
  --log      print one line per request`;

const COMMANDS = `Commands:
  call <company id> [event]   simulate a call (event: pre_call_webhook, post_call_webhook, …)
  text <company id> [words…]  a customer texts the company (sms_received_webhook)
  text-sent <company id> [words…]  the company texts its latest customer (sms_sent_webhook)
  form <company id>           a visitor submits a form (form_captured_webhook)
  call-modified <company id>  a new call's note changes (updated_call_webhook)
  call-outbound <company id>  an outbound call completes (post_outbound_call_webhook)
  burst <company id> <n>      add n calls that ended just now (no webhooks)
  fault fail <500|503> [n]    the next n requests (default 1) answer that status
  fault nonjson [n]           the next n requests answer 200 with an HTML page
  fault drop [n]              the next n requests get their connection dropped, no answer
  fault empty [n]             the next n requests are carried out, answered without a body
  fault latency <ms>          delay every response by ms (0 turns it off)
  fault no-signing-key        from now on integrations answer without signing_key
  fault ignore-fields         from now on calls.json ignores fields=
  fault rename <key> <new>    from now on the list under <key> (e.g. calls) answers under <new>
  fault reset                 no latency, nothing queued, no lasting switch
  requests                    how many requests have arrived
  help                        this list
Ctrl-C stops the sandbox.`;

function parseArgs(argv: string[]): { port: number; log: boolean } {
  let port = 0;
  let log = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--log') {
      log = true;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[++i];
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`Invalid port: ${String(value)}`);
    } else {
      throw new Error(`Unknown argument: ${arg}\n${USAGE}`);
    }
  }
  return { port, log };
}

function describe(sandbox: Sandbox): string {
  const lines = [
    `CallRail sandbox running at ${sandbox.baseUrl}`,
    '',
    'API keys (send as  Authorization: Token token="KEY"):',
    `  agency  ${sandbox.keys.agency}  (sees every account)`,
    `  single  ${sandbox.keys.single}  (sees ${sandbox.accounts[0]?.name ?? 'the first account'} only)`,
    '',
    'Accounts:',
  ];
  for (const account of sandbox.accounts) {
    lines.push(`  ${account.name}  ${account.id}  (numeric ${account.numeric_id})`);
    for (const company of account.companies) {
      const hooks = company.webhooks_integration_id
        ? `  webhooks integration ${company.webhooks_integration_id}`
        : '';
      lines.push(
        `    ${company.name}  ${company.id}  ${company.status}  ${company.time_zone}${hooks}`,
      );
      lines.push(`      signing key ${company.signing_key}  ${company.call_count} calls`);
      for (const t of company.trackers) {
        const sms = t.sms_enabled ? 'sms' : t.sms_supported ? 'sms off' : 'no sms';
        lines.push(
          `      ${t.name.padEnd(20)} ${t.id}  ${t.tracking_numbers.join(',')}  ${t.status}  ${sms}`,
        );
      }
    }
  }
  return lines.join('\n');
}

const FAULT_KINDS = 'fail|nonjson|drop|empty|latency|no-signing-key|ignore-fields|rename|reset';

/** `fault …`: the switches of sandbox/faults.ts, from the command line. */
export function runFaultCommand(faults: SandboxFaults, args: string[]): string {
  const [kind, first, second] = args;
  const count = (value: string | undefined) => (value === undefined ? 1 : Number(value));
  try {
    switch (kind) {
      case 'fail': {
        const status = Number(first);
        faults.failNext(status as 500 | 503, count(second));
        return `the next ${count(second)} requests answer ${status}`;
      }
      case 'nonjson':
        faults.nonJsonNext(count(first));
        return `the next ${count(first)} requests answer an HTML page`;
      case 'drop':
        faults.dropNext(count(first));
        return `the next ${count(first)} requests are dropped`;
      case 'empty':
        faults.emptyBodyNext(count(first));
        return `the next ${count(first)} requests are carried out and answered without a body`;
      case 'latency':
        faults.setLatency(Number(first));
        return `every response waits ${Number(first)} ms`;
      case 'no-signing-key':
        faults.omitSigningKey();
        return 'integrations now answer without signing_key';
      case 'ignore-fields':
        faults.ignoreCallFields();
        return 'calls.json now ignores fields=';
      case 'rename':
        faults.renameEnvelope(first ?? '', second ?? '');
        return `lists under "${String(first)}" now answer under "${String(second)}"`;
      case 'reset':
        faults.reset();
        return 'faults off';
      default:
        return `Unknown fault ${String(kind)}: fault ${FAULT_KINDS}. Type "help".`;
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const report = (what: string, deliveries: WebhookDelivery[]): string =>
  [what, ...deliveries.map((d) => `  → ${d.url}: ${d.status ?? d.error ?? ''}`)].join('\n');

async function runCommand(sandbox: Sandbox, line: string): Promise<string> {
  const [command, companyId = '', ...rest] = line.trim().split(/\s+/);
  switch (command) {
    case undefined:
    case '':
      return '';
    case 'help':
      return COMMANDS;
    case 'requests':
      return `${sandbox.requests.length} requests so far`;
    case 'call': {
      const event = CALL_WEBHOOK_EVENTS.find((e) => e === (rest[0] ?? 'post_call_webhook'));
      if (!event)
        return `Unknown event ${String(rest[0])}; one of ${CALL_WEBHOOK_EVENTS.join(', ')}`;
      const deliveries = await sandbox.simulateCall({ companyId, event });
      const call = sandbox.store.calls.at(-1);
      return [
        `call ${call?.id ?? '?'} added`,
        ...deliveries.map((d) => `  → ${d.url}: ${d.status ?? d.error ?? ''}`),
      ].join('\n');
    }
    case 'text': {
      const deliveries = await sandbox.simulateInboundText({
        companyId,
        content: rest.length > 0 ? rest.join(' ') : undefined,
      });
      return [
        'text received',
        ...deliveries.map((d) => `  → ${d.url}: ${d.status ?? d.error ?? ''}`),
      ].join('\n');
    }
    case 'fault':
      return runFaultCommand(sandbox.faults, line.trim().split(/\s+/).slice(1));
    case 'text-sent':
      return report(
        'text sent',
        await sandbox.simulateOutboundText({
          companyId,
          content: rest.length > 0 ? rest.join(' ') : undefined,
        }),
      );
    case 'form':
      return report('form submitted', await sandbox.simulateFormSubmission({ companyId }));
    case 'call-modified':
      return report(
        'call modified',
        await sandbox.simulateCall({ companyId, event: 'updated_call_webhook', changes: ['note'] }),
      );
    case 'call-outbound':
      return report(
        'outbound call completed',
        await sandbox.simulateCall({ companyId, event: 'post_outbound_call_webhook' }),
      );
    case 'burst': {
      const calls = sandbox.addCalls(companyId, Number(rest[0] ?? '1'));
      return `${calls.length} calls added`;
    }
    default:
      return `Unknown command ${command}. Type "help".`;
  }
}

async function main(): Promise<void> {
  const { port, log } = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    port,
    onRequest: log
      ? (r) =>
          console.log(
            `${r.at} ${r.method} ${r.path}${Object.keys(r.query).length > 0 ? '?…' : ''} → ${r.status ?? 'dropped'}`,
          )
      : undefined,
  });
  console.log(describe(sandbox));
  console.log('\nType "help" for commands. Ctrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // stdin may be closed (run in the background); the server keeps running regardless.
  const input = createInterface({ input: process.stdin, terminal: false });
  input.on('line', (line) => {
    runCommand(sandbox, line)
      .then((out) => out && console.log(out))
      .catch((error: unknown) =>
        console.log(error instanceof Error ? error.message : String(error)),
      );
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
