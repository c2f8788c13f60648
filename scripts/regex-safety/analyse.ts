import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';

export interface Verdict {
  /** What scslre found, in words: '' when the pattern is linear. */
  problems: string[];
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Super-linear backtracking in one pattern, found by scslre (the analysis behind eslint-plugin-regexp's
 * no-super-linear-backtracking and no-super-linear-move rules): exponential and polynomial alike, within one
 * match attempt ('Self', 'Trade') and across the attempts a search makes at each position ('Move').
 */
export function superLinear(source: string, flags: string): Verdict {
  const literal = parser.parseLiteral(`/${source}/${flags}`);
  const { reports } = analyse(literal, {
    reportTypes: { Move: true, Self: true, Trade: true },
    assumeRejectingSuffix: false,
  });
  return {
    problems: reports.map((r) => {
      const kind = r.exponential ? 'exponential' : 'polynomial';
      const char = r.character.literal.source;
      return `${kind} backtracking (${r.type}) on repeated ${JSON.stringify(char)}`;
    }),
  };
}
