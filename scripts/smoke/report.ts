import { CALLRAIL_FACTS, type FactName } from '../../src/callrailFactRegistry';
import { redact } from '../../src/errors';

/** What one check found about one fact. */
export type Outcome = 'holds' | 'differs' | 'not checked';

export interface Finding {
  fact: FactName;
  /** What was asked of CallRail, e.g. "GET calls.json?fields=…". */
  checked: string;
  outcome: Outcome;
  /** On `differs`: what CallRail answered instead. On `not checked`: why not. */
  detail?: string;
}

export const holds = (fact: FactName, checked: string): Finding => ({
  fact,
  checked,
  outcome: 'holds',
});
export const differs = (fact: FactName, checked: string, answered: string): Finding => ({
  fact,
  checked,
  outcome: 'differs',
  detail: answered,
});
export const notChecked = (fact: FactName, checked: string, why: string): Finding => ({
  fact,
  checked,
  outcome: 'not checked',
  detail: why,
});

/** `holds` unless there are problems, then `differs` listing them. */
export const verdict = (fact: FactName, checked: string, problems: readonly string[]): Finding =>
  problems.length === 0 ? holds(fact, checked) : differs(fact, checked, problems.join('; '));

/**
 * One line per finding: the outcome, the fact's tag and name, what it says (the first time the
 * fact is named), what was checked; on `differs` what CallRail answered and what relies on it.
 */
export const lineOf = (finding: Finding, firstOfFact = true): string => {
  const entry = CALLRAIL_FACTS[finding.fact];
  const says = firstOfFact ? `${entry.says}; ` : '';
  const head = `${finding.outcome.padEnd(11)} [${entry.tag}] ${finding.fact}: ${says}${finding.checked}`;
  if (finding.outcome === 'holds') return head;
  if (finding.outcome === 'not checked') return `${head}: ${finding.detail ?? ''}`;
  return `${head}\n            CallRail answered: ${finding.detail ?? ''}\n            relied on by: ${entry.reliedOnBy}`;
};

export interface Summary {
  holds: number;
  differs: number;
  notChecked: number;
}

export const summaryOf = (findings: readonly Finding[]): Summary => ({
  holds: findings.filter((f) => f.outcome === 'holds').length,
  differs: findings.filter((f) => f.outcome === 'differs').length,
  notChecked: findings.filter((f) => f.outcome === 'not checked').length,
});

export const summaryLine = (summary: Summary, base: string): string =>
  `${summary.holds} hold, ${summary.differs} differ, ${summary.notChecked} not checked, against ${base}.` +
  (summary.differs > 0
    ? ' Where CallRail differs, correct the fact in src/callrailFacts.ts (or report it).'
    : '');

/** The JSON `--json FILE` writes: the same findings, with each fact's tag and dependants. */
export const jsonReport = (findings: readonly Finding[], base: string) => ({
  base,
  summary: summaryOf(findings),
  findings: findings.map((finding) => {
    const entry = CALLRAIL_FACTS[finding.fact];
    return {
      ...finding,
      tag: entry.tag,
      says: entry.says,
      ...(finding.outcome === 'differs' ? { relied_on_by: entry.reliedOnBy } : {}),
    };
  }),
});

/** The last guard: no line or file leaves the smoke with the key in it. */
export const scrub = (text: string, apiKey: string | undefined): string =>
  apiKey ? redact(text, [apiKey, apiKey.trim()]) : text;
