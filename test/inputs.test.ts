import type { Bundle, ZObject } from 'zapier-platform-core';

import { readInputs } from '../src/inputs';
import * as read from '../src/readers';
import { appTester, errorOf } from './helpers';

/**
 * An operation reads its inputs in one call; the first problem, in the order the inputs are
 * declared, becomes Zapier's own "invalid input" error (each row runs inside Zapier's runner, so
 * no request can be made).
 */
const FIELDS = [
  { key: 'company_id', label: 'Company', dynamic: 'company_list.id.name' },
  { key: 'phone', label: 'Phone Number' },
  { key: 'from', label: 'From Date' },
  { key: 'to', label: 'To Date' },
  { key: 'tags', label: 'Tags' },
] as const;

const INPUTS = {
  company_id: read.required(read.id('company')),
  phone: read.phone,
  dates: read.dayRange('from', 'to'),
  tags: read.list,
};

const readAll = (inputData: Record<string, unknown>) =>
  appTester((z: ZObject, bundle: Bundle) => readInputs(z, bundle, FIELDS, INPUTS), { inputData });

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';

describe('readInputs', () => {
  it('gives every value, typed and named as declared', async () => {
    await expect(
      readAll({ company_id: COMPANY, phone: '(770) 555-0199', from: '2026-11-20', tags: 'a, b' }),
    ).resolves.toEqual({
      company_id: COMPANY,
      phone: '+17705550199',
      dates: { from: '2026-11-20', to: undefined },
      tags: ['a', 'b'],
    });
  });

  it.each([
    [{}, 'Choose the Company, or map one from an earlier step.'],
    [{ company_id: COMPANY, phone: '555', from: 'soon' }, /^Phone Number "555" is not a valid/],
    [
      { company_id: COMPANY, from: '2026-11-20', to: '2026-11-19' },
      'To Date (2026-11-19) is before From Date (2026-11-20).',
    ],
  ])('refuses %j with the first problem as the invalid-input error', async (inputData, message) => {
    const error = await errorOf(readAll(inputData));
    expect(error.detail).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(String(error.detail.message)).toMatch(message);
  });
});
