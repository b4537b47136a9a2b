/** The environment for child processes: temp files go to the private folder; npm state of the
 * surrounding `npm run` (which points at this project) stays out. */
export const childEnv = (privateTmp: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: privateTmp,
    TMP: privateTmp,
    TEMP: privateTmp,
    DISABLE_ZAPIER_ANALYTICS: '1',
  };
  for (const name of Object.keys(env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$)/i.test(name)) {
      Reflect.deleteProperty(env, name);
    }
  }
  return env;
};
