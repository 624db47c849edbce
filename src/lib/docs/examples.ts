/**
 * What the docs page runs: the example files (src/lib/docs/examples/*.mjs) and a few command
 * lines. The docs test checks every file here is on the page with its current output.
 */

/** Example files, in page order. */
export const EXAMPLE_FILES: readonly string[] = [
  'evaluate.mjs',
  'scenario-text.mjs',
  'safe-evaluate.mjs',
  'rules.mjs',
  'licences.mjs',
  'catalog.mjs',
];

/** Command lines shown with their output under their command (first word). */
export const CLI_EXAMPLES: readonly string[][] = [
  ['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58'],
  ['overhead', 'kubevirt', '--vcpus', '2', '--memory', '4GiB'],
  ['license', 'windows-server-standard', '--sockets', '2', '--cores-per-socket', '8', '--vms', '12'],
];
