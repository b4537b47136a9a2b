import { searchOperation } from '../src/searchOperation';
import { tagResource } from '../src/tag/resource';
import * as read from '../src/readers';

/** The builder every search (and, through it, every create) is declared on. */
const declaration = {
  key: 'find_thing',
  noun: 'Tag',
  display: { label: 'Find Thing', description: 'Finds a thing.' },
  resource: tagResource,
  perform: async () => [],
};

describe('searchOperation', () => {
  it('refuses a reader without an input field, and an input field without a reader', () => {
    expect(() =>
      searchOperation({
        ...declaration,
        inputFields: [{ key: 'name', label: 'Name' }],
        inputs: { name: read.text, nmae: read.text },
      }),
    ).toThrow('find_thing: inputs nmae need both a field and a reader.');
    expect(() =>
      searchOperation({
        ...declaration,
        inputFields: [
          { key: 'name', label: 'Name' },
          { key: 'from', label: 'From Date' },
        ],
        inputs: { name: read.text },
      }),
    ).toThrow('find_thing: inputs from need both a field and a reader.');
  });

  it('counts both fields a reader across inputs reads', () => {
    const search = searchOperation({
      ...declaration,
      inputFields: [
        { key: 'from', label: 'From Date' },
        { key: 'to', label: 'To Date' },
      ],
      inputs: { dates: read.dayRange('from', 'to') },
    });
    expect(search.operation.sample).toEqual(tagResource.sample);
    expect(search.operation.outputFields).toEqual(tagResource.outputFields);
  });
});
