/**
 * Tests must not depend on the developer's shell or on a `.env` file that may hold a real
 * CallRail key: the variables the app, Zapier's runner or `zapier-platform invoke` read are
 * removed before any test module loads, and loading a `.env` file fails loudly.
 */
export const HERMETIC_PREFIXES = ['CALLRAIL_', 'authData_', 'ZAPIER_'] as const;
export const HERMETIC_NAMES = ['LOG_TO_STDOUT', 'DETAILED_LOG_TO_STDOUT'] as const;

for (const name of Object.keys(process.env)) {
  const isHermetic =
    HERMETIC_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix.toUpperCase())) ||
    (HERMETIC_NAMES as readonly string[]).includes(name);
  if (isHermetic) Reflect.deleteProperty(process.env, name);
}

jest.mock('dotenv', () => {
  const refuse = () => {
    throw new Error('Tests must not load a .env file: pass values to the code under test.');
  };
  return { config: refuse, configDotenv: refuse, populate: refuse, parse: refuse };
});
