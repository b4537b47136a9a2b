import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWebhookBody } from '../../sandbox';

// CallRail's published "Validating Payloads" vector: body bytes, key and expected signature.
const FIXTURE = join(__dirname, '..', 'fixtures', 'webhook-post-call-test-vector.json');
const KEY = '072e77e426f92738a72fe23c4d1953b4';
const EXPECTED = 'UZAHbUdfm3GqL7qzilGozGzWV64=';

describe('signWebhookBody', () => {
  const bytes = readFileSync(FIXTURE);

  it('reproduces the published signature over the raw bytes', () => {
    expect(signWebhookBody(bytes, KEY)).toBe(EXPECTED);
  });

  it('gives the same signature for the body as a string', () => {
    expect(signWebhookBody(bytes.toString('utf8'), KEY)).toBe(EXPECTED);
  });

  it('changes when the body is re-serialised or the key differs', () => {
    const reformatted = JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2);
    expect(signWebhookBody(reformatted, KEY)).not.toBe(EXPECTED);
    expect(signWebhookBody(bytes, KEY.replace('0', '1'))).not.toBe(EXPECTED);
  });
});
