import {
  asBoolean,
  asNames,
  asNumber,
  asText,
  defineResource,
  presentValues,
  titleCase,
} from '../src/fieldTable';

const resource = defineResource({
  noun: 'Widget',
  fields: {
    id: { label: 'Widget ID', primary: true, from: ['resource_id', 'id'] },
    size: { label: 'Size', type: 'number', request: 'size' },
    shiny: { label: 'Shiny', type: 'boolean' },
    tags: { label: 'Tags', list: true, request: 'tags' },
    owner_name: { label: 'Owner', read: (raw) => (raw.owner as { name?: string })?.name },
    also_tags: { label: 'Tags Again', request: 'tags' },
  },
  rawSample: { id: 'W1', size: 3, shiny: true, tags: ['a'], owner: { name: 'Ann' } },
});

describe('a field table', () => {
  it('derives output fields with labels, types and the primary key, in table order', () => {
    expect(resource.outputFields).toEqual([
      { key: 'id', label: 'Widget ID', primary: true },
      { key: 'size', label: 'Size', type: 'number' },
      { key: 'shiny', label: 'Shiny', type: 'boolean' },
      { key: 'tags', label: 'Tags' },
      { key: 'owner_name', label: 'Owner' },
      { key: 'also_tags', label: 'Tags Again' },
    ]);
  });

  it('names each requested field once in fields=', () => {
    expect(resource.requestedFields).toBe('size,tags');
  });

  it('normalises any raw shape into exactly the output keys, preferring the first present key', () => {
    expect(resource.normalize({ resource_id: 'W2', id: 99, size: '7', shiny: 'false' })).toEqual({
      id: 'W2',
      size: 7,
      shiny: false,
      tags: [],
      owner_name: null,
      also_tags: null,
    });
    expect(resource.normalize({ resource_id: '', id: 99 }).id).toBe('99');
    expect(resource.normalize({}).id).toBe('');
  });

  it('builds its sample through the normaliser', () => {
    expect(resource.sample).toEqual({
      id: 'W1',
      size: 3,
      shiny: true,
      tags: ['a'],
      owner_name: 'Ann',
      also_tags: null,
    });
  });

  it('has no fields= value when the default payload has everything', () => {
    const plain = defineResource({
      noun: 'Plain',
      fields: { id: { label: 'ID', primary: true } },
      rawSample: { id: 'P' },
    });
    expect(plain.requestedFields).toBeUndefined();
  });
});

describe('value readers', () => {
  it.each([
    [asText('x'), 'x'],
    [asText(5), '5'],
    [asText(''), null],
    [asText(undefined), null],
    [asText({ a: 1 }), '{"a":1}'],
    [asBoolean('true'), true],
    [asBoolean(0), false],
    [asBoolean('maybe'), null],
    [asNumber('13'), 13],
    [asNumber(' '), null],
    [asNumber(Number.NaN), null],
    [asNumber('x'), null],
  ])('%#: reads %p as %p', (actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('reads names from strings, {name} objects or one string', () => {
    expect(asNames(['a', { name: 'b' }, '', { other: 1 }])).toEqual(['a', 'b']);
    expect(asNames('solo')).toEqual(['solo']);
    expect(asNames(null)).toEqual([]);
  });

  it('keeps only present values of an answer, whatever the answer is', () => {
    expect(presentValues({ a: 1, b: null, c: '', d: 'x' })).toEqual({ a: 1, d: 'x' });
    expect(presentValues('')).toEqual({});
    expect(presentValues(null)).toEqual({});
    expect(presentValues([1, 2])).toEqual({});
  });

  it('title-cases snake keys', () => {
    expect(titleCase('first_touch')).toBe('First Touch');
  });
});
