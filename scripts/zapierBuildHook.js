/**
 * `_zapier-build`: Zapier's CLI runs this hook first in `zapier-platform validate`, `build` and
 * `push`, before anything else. For `validate` it lets `npm run build` follow. For `build` and
 * `push` it stops the CLI: their next step copies the whole project, `.env` (the CallRail key)
 * and node_modules included, into the shared system temp folder, where `npm install` fails with
 * EMFILE and the copy is left behind; with `--skip-dep-install` they zip every development
 * package instead. `npm run package` and `npm run deploy` build the zip privately and never run
 * this hook (the package.json they build from has no scripts).
 *
 * The CLI does not tell the hook which command it runs, so the hook reads it from its ancestor
 * processes (/proc, or `ps` where there is no /proc). When it cannot tell, it refuses.
 *
 * JavaScript, not TypeScript: it runs before anything is built.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');

const MAX_ANCESTORS = 10;

/** @param {number} pid @returns {{ parent: number, args: string[] } | null} */
const processInfo = (pid) => {
  try {
    if (existsSync('/proc/self/stat')) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (name) state ppid …": the name may hold spaces and parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return { parent, args };
    }
    const line = execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], {
      encoding: 'utf8',
    }).trim();
    const [parent, ...args] = line.split(/\s+/);
    return { parent: Number(parent), args };
  } catch {
    return null;
  }
};

/** The argument lists of this process's ancestors, nearest first. */
const ancestorArgs = () => {
  const chain = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < MAX_ANCESTORS) {
    const info = processInfo(pid);
    if (!info) break;
    chain.push(info.args);
    pid = info.parent;
  }
  return chain;
};

const CLI_ENTRY = /(^|[/\\])(zapier-platform|zapier-platform-cli[/\\]src[/\\]bin[/\\]run(\.js)?)$/;

/**
 * The Zapier CLI command among these argument lists (`validate`, `build`, `push`), or null.
 * @param {string[][]} chain
 * @returns {string | null}
 */
const zapierCommandOf = (chain) => {
  for (const args of chain) {
    const entry = args.findIndex((arg) => CLI_ENTRY.test(arg));
    if (entry >= 0) return args.slice(entry + 1).find((arg) => !arg.startsWith('-')) ?? null;
  }
  return null;
};

const REFUSAL = [
  'Stopped before anything was copied: this project is not built with `zapier-platform build` or `push`.',
  'Their next step copies the whole project, your .env (the CallRail API key) and node_modules included, ' +
    'into the shared system temp folder, where `npm install` fails (EMFILE) and the copy stays behind. ' +
    'With --skip-dep-install they zip every development package instead.',
  '`npm run package` builds build/build.zip in a private folder from production dependencies only, and checks it. ' +
    '`npm run deploy` does that, runs `zapier-platform validate`, then uploads exactly that zip (`zapier-platform upload`). ' +
    'See docs/deployment.md.',
].join('\n\n');

if (require.main === module) {
  const command = zapierCommandOf(ancestorArgs());
  if (command !== 'validate') {
    console.error(REFUSAL);
    process.exitCode = 1;
  }
}

module.exports = { zapierCommandOf, REFUSAL };
