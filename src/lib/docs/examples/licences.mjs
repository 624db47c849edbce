import { quoteLicences } from 'kernelcount';

// Windows Server, per core, for one 2 x 8-core host running 12 VMs.
const quote = quoteLicences(
  ['windows-server-standard', 'windows-server-datacenter'],
  { hosts: [{ count: 1, sockets: 2, coresPerSocket: 8, oses: 12 }] },
  { allow: ['windows-server-standard/per-core',
            'windows-server-datacenter/per-core'] },
);
const { chosen, breakEven } = quote.hostGroups[0];
console.log(chosen.product, chosen.option, chosen.annualCost.toFixed(2));
console.log('cheaper from', breakEven.guests, 'VMs per host');
