import { evaluate, formatEvaluation, parseScenarioText } from 'kernelcount';

// Text as read from a file: 'json', 'yaml' or 'auto' (the default).
const text = `
hosts:
  - { name: r650, sockets: 1, coresPerSocket: 16, memoryGiB: 256,
      diskGiB: 1920, price: 14000 }
workloads:
  - { name: web, instances: 12, vcpus: 1, memoryGiB: 2 }
platforms:
  - { type: vm, hypervisor: kubevirt }
  - { type: containers, reservation: gke }
`;
const result = evaluate(parseScenarioText(text, 'yaml'));
// CSV: a row per line item, a column per year ('table', 'json', 'md' too).
const csv = formatEvaluation(result, 'csv').split('\n');
console.log(csv.slice(0, 3).join('\n'));
console.log(`... ${csv.length - 3} more lines`);
