/**
 * "Try it in the calculator": turns an article's scenario reference into a calculator link carrying
 * the scenario, after checking that the package accepts and evaluates it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, safeEvaluate } from 'kernelcount';
import { encodeScenario } from '../urlState';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where a reference points: `example:<name>` or `scenarios/<name>.yaml` under content/learn. */
export function scenarioPath(ref: string): string {
  if (ref.startsWith('example:')) return `${ROOT}packages/kernelcount/examples/${ref.slice('example:'.length)}.yaml`;
  if (/^scenarios\/[a-z0-9-]+\.(yaml|json)$/.test(ref)) return `${ROOT}content/learn/${ref}`;
  throw new Error(`Scenario reference "${ref}": expected example:<name> or scenarios/<name>.yaml`);
}

/** Reads and checks the scenario; throws with the package's message when it does not evaluate. */
export function loadScenario(ref: string): unknown {
  let text: string;
  try {
    text = readFileSync(scenarioPath(ref), 'utf8');
  } catch {
    throw new Error(`Scenario reference "${ref}": no such file (${scenarioPath(ref)})`);
  }
  const scenario = parseScenarioText(text);
  const result = safeEvaluate(scenario);
  if (!result.ok) throw new Error(`Scenario "${ref}" does not evaluate: ${result.error.message}`);
  return scenario;
}

/** `/calculator/#s=v1....` opening the calculator on the referenced scenario. */
export async function calculatorHref(ref: string): Promise<string> {
  return `/calculator/${await encodeScenario(loadScenario(ref))}`;
}
