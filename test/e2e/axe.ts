/** Run axe-core inside a page (its `source` injected, never fetched) and keep what readers would be hurt by. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One serious or critical violation, with the selectors of the elements it was found on. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** `color-contrast (serious) at main > p:nth-child(2): Elements must meet minimum color contrast ratio thresholds`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}) at ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ', …' : ''}: ${v.help}`).join('\n');
}
