import { evaluate } from 'kernelcount';

const result = evaluate({
  hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024,
            diskGiB: 7680, price: 38000 }],
  workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
});
for (const p of result.platforms) {
  console.log(p.name, p.hosts, 'hosts, bound by', p.binding, p.tco.toFixed(2));
}
console.log(result.summary);
