/**
 * The one libphonenumber-js function the app uses, with the library's "min" metadata: every
 * country, since a number outside the US and Canada is named in errors (United Kingdom) and kept
 * as CallRail sent it. Imported from the `core` entry so that the bundle (scripts/bundle.ts)
 * holds only the parser, not the rest of the library (as-you-type formatting, number search,
 * the legacy API); the default entry is this same function with this same metadata.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

export const parseNorthAmericanDefault = (text: string): PhoneNumber | undefined =>
  parsePhoneNumberFromString(text, 'US', metadata);
