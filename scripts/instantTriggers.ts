/**
 * Runs the app's instant triggers end to end against the sandbox, as Zapier would: subscribe
 * (a loopback URL stands in for Zapier's hook URL), let CallRail (the sandbox) fire the event,
 * run `perform` on the signed request that arrived, and unsubscribe. `zapier-platform invoke`
 * cannot run hook triggers, so this drives the built app through Zapier's own runner.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

import type { Bundle, ZObject } from 'zapier-platform-core';

type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Row = Record<string, unknown>;
/** What the sandbox reports it delivered; only the URL is read, the rest comes from the wire. */
export interface Delivery {
  url: string;
}

const PROJECT = resolve(__dirname, '..', '..');

/** What reached the stand-in hook endpoint: exactly the bytes and headers CallRail sent. */
interface Arrival {
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** A stand-in for Zapier's hook endpoint: keeps each POST as it arrived, answers 200. */
const startReceiver = async () => {
  const arrived: Arrival[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      arrived.push({
        path: request.url ?? '/',
        body: Buffer.concat(chunks).toString('utf8'),
        headers,
      });
      response.writeHead(200).end('{"status":"success"}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    arrived,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};

/**
 * Zapier hands `perform` the request as it arrived: headers as `Http-Name` (so CallRail's
 * `Signature` is `Http-Signature`), the raw body, and the query string.
 */
const zapierHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      `Http-${name.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`)}`,
      value,
    ]),
  );

export const createHookRunner = (authData: Record<string, string>) => {
  // Core's runner prints a memory line per run unless it believes it is under test; it reads
  // NODE_ENV once, when it loads, so core is loaded here and not before.
  process.env.NODE_ENV ??= 'test';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zapier = require('zapier-platform-core') as typeof import('zapier-platform-core');
  // The built app, exactly as Zapier loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(PROJECT, 'index.js')) as {
    triggers: Record<string, { operation: Record<string, Perform> }>;
  };
  const tester = zapier.createAppTester(app);

  /** Subscribes `key`, fires the event with `fire`, returns what the trigger output, cleans up. */
  return async (key: string, inputData: Row, fire: () => Promise<Delivery[]>): Promise<Row[]> => {
    const operation = app.triggers[key]?.operation;
    if (!operation) throw new Error(`The app has no trigger ${key}.`);
    const receiver = await startReceiver();
    const targetUrl = receiver.url(`/hooks/${key}`);
    const subscribeData = (await tester(operation.performSubscribe as Perform, {
      authData,
      inputData,
      targetUrl,
    })) as { id: string } & Row;
    try {
      const outputs: Row[] = [];
      const sent = (await fire()).filter((d) => d.url.startsWith(targetUrl)).length;
      const arrivals = receiver.arrived.filter((a) => receiver.url(a.path).startsWith(targetUrl));
      if (arrivals.length !== sent) {
        throw new Error(
          `${key}: CallRail reported ${sent} deliveries, ${arrivals.length} arrived.`,
        );
      }
      for (const arrival of arrivals) {
        const url = new URL(receiver.url(arrival.path));
        const items = (await tester(operation.perform as Perform, {
          authData,
          inputData,
          subscribeData,
          cleanedRequest: {
            ...(JSON.parse(arrival.body) as Row),
            querystring: Object.fromEntries(url.searchParams),
          },
          rawRequest: {
            method: 'POST',
            content: arrival.body,
            headers: zapierHeaders(arrival.headers),
            querystring: url.search.slice(1),
          },
        })) as Row[];
        outputs.push(...items);
      }
      return outputs;
    } finally {
      await tester(operation.performUnsubscribe as Perform, { authData, inputData, subscribeData });
      await receiver.close();
    }
  };
};
