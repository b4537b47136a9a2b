import { TAG_COLORS } from '../../src/callrailFacts';
import { accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';
import App from '../../index';

const createTag = operation<Record<string, unknown>>('creates', 'create_tag');
const findTag = operation('searches', 'find_tag');
const tagList = operation('triggers', 'tag_list');

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const OTHER = 'COM019c31a27f5b732b9d214e04eaa3061f';
const tag = (id: number, name: string, companyId: string | null) => ({
  id,
  name,
  tag_level: companyId ? 'company' : 'account',
  color: 'gray1',
  background_color: 'gray1',
  company_id: companyId,
  status: 'enabled',
  created_at: '2026-11-20T11:27:48.119-07:00',
});
const listed = (...tags: ReturnType<typeof tag>[]) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: tags.length,
  tags,
});

describe('Create Tag', () => {
  const create = (inputData: Record<string, unknown>) =>
    appTester(createTag, { authData, inputData });

  it('creates a company tag with a colour and outputs it with a string id', async () => {
    callRailApi()
      .post(accountPath('tags.json'), {
        name: 'Water Heater Quote',
        company_id: COMPANY,
        color: 'blue1',
      })
      .reply(201, { ...tag(7886733, 'Water Heater Quote', COMPANY), color: 'blue1' });
    await expect(
      create({ name: ' Water Heater Quote ', company_id: COMPANY, color: 'blue1' }),
    ).resolves.toEqual({
      id: '7886733',
      name: 'Water Heater Quote',
      tag_level: 'company',
      color: 'blue1',
      background_color: 'gray1',
      company_id: COMPANY,
      status: 'enabled',
      created_at: '2026-11-20T11:27:48.119-07:00',
    });
  });

  it('creates an account tag when no company is given, and copes with an empty answer', async () => {
    callRailApi().post(accountPath('tags.json'), { name: 'VIP' }).reply(200, '');
    await expect(create({ name: 'VIP', company_id: '' })).resolves.toMatchObject({
      id: '',
      name: 'VIP',
      tag_level: 'account',
      company_id: null,
    });
  });

  it('offers exactly the 24 colours CallRail accepts', () => {
    const fields = App.creates?.create_tag?.operation.inputFields as {
      key: string;
      choices?: { value: string }[];
    }[];
    expect(fields.find((f) => f.key === 'color')?.choices?.map((c) => c.value)).toEqual([
      ...TAG_COLORS,
    ]);
    expect(TAG_COLORS).toHaveLength(24);
  });

  it.each([
    ['no name', { name: ' ' }, /^Tag Name is empty/],
    [
      'an unknown colour',
      { name: 'VIP', color: 'teal' },
      /^Color must be one of gray1, gray2, .*green4; "teal" is not/,
    ],
    [
      'a company id that is none',
      { name: 'VIP', company_id: 'Widget Shop' },
      /^Company must be a CallRail ID/,
    ],
  ])('refuses %s before sending anything', async (_name, inputData, message) => {
    const error = await errorOf(create(inputData));
    expect(error.detail).toMatchObject({ code: 'InvalidInput' });
    expect(String(error.detail.message)).toMatch(message);
  });

  it.each([
    [400, 'AppError', /could not create the tag: Color is not included in the list\./],
    [401, 'ExpiredAuthError', /rejected the API key/],
    [403, 'AppError', /could not create the tag: You do not have permission/],
    [404, 'AppError', /found no company COM8154748ae6bd4e278a7cddd38a662f4f\. Choose the company/],
    [422, 'AppError', /could not create the tag: Name has already been taken\./],
    [429, 'ThrottledError', /1,000 requests an hour/],
    [500, 'AppError', /It is unclear whether it went through/],
  ])('explains a %s, sent once', async (status, name, message) => {
    const body =
      status === 400
        ? { error: 'Color is not included in the list' }
        : status === 403
          ? { error: 'You do not have permission' }
          : { error: 'Name has already been taken' };
    callRailApi().post(accountPath('tags.json')).once().reply(status, body);
    const failure = await errorOf(create({ name: 'VIP', company_id: COMPANY }));
    expect(failure.name).toBe(name);
    expect(String(failure.detail.message ?? failure.message)).toMatch(message);
  });
});

describe('Find Tag', () => {
  const find = (inputData: Record<string, unknown>) => appTester(findTag, { authData, inputData });
  const search = (name: string) =>
    callRailApi().get(accountPath('tags.json')).query({ search: name, per_page: '250', page: '1' });

  it("finds the company's tag first, then the account's, matching names case-insensitively", async () => {
    search('water heater').reply(
      200,
      listed(
        tag(1, 'Water Heater', null),
        tag(2, 'Water Heater Quote', COMPANY),
        tag(3, 'WATER HEATER', COMPANY),
        tag(4, 'water heater', OTHER),
      ),
    );
    const tags = await find({ name: 'water heater', company_id: COMPANY });
    expect(tags.map((t) => t.id)).toEqual(['3', '1']);
  });

  it('looks in the whole account without a company, account tags first', async () => {
    search('VIP').reply(200, listed(tag(4, 'vip', OTHER), tag(1, 'VIP', null)));
    const tags = await find({ name: 'VIP' });
    expect(tags.map((t) => t.id)).toEqual(['1', '4']);
  });

  it('finds nothing, without an error', async () => {
    search('Nope').reply(200, listed(tag(1, 'Nope Not This', null)));
    await expect(find({ name: 'Nope' })).resolves.toEqual([]);
  });

  it('refuses a blank name before asking', async () => {
    const error = await errorOf(find({ name: '' }));
    expect(String(error.detail.message)).toMatch(/^Tag Name is empty/);
  });

  it('says so when CallRail answers without its tag list', async () => {
    search('VIP').reply(200, { error: null });
    const error = await errorOf(find({ name: 'VIP' }));
    expect(String(error.detail.message)).toMatch(/without its "tags" list/);
  });

  it('is offered with Create Tag as a find-or-create', () => {
    expect(App.searchOrCreates?.find_tag).toMatchObject({
      key: 'find_tag',
      search: 'find_tag',
      create: 'create_tag',
    });
  });
});

describe('tag dropdown', () => {
  it('lists tags page by page, of a company when one is chosen', async () => {
    callRailApi()
      .get(accountPath('tags.json'))
      .query({ company_id: COMPANY, per_page: '250', page: '2' })
      .reply(200, listed(tag(2, 'Quote', COMPANY), { ...tag(5, '', null), name: '' }));
    await expect(
      appTester(tagList, { authData, inputData: { company_id: COMPANY }, meta: { page: 1 } }),
    ).resolves.toEqual([
      { id: '2', name: 'Quote' },
      { id: '5', name: '5' },
    ]);
  });
});
