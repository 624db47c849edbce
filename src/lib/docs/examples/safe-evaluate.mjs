import { safeEvaluate } from 'kernelcount';

// Two mistakes: no cores per socket, and negative memory.
const outcome = safeEvaluate({
  hosts: [{ name: 'small', sockets: 1, memoryGiB: 64, diskGiB: 500,
            price: 6000 }],
  workloads: [{ name: 'api', instances: 4, vcpus: 1, memoryGiB: -4 }],
});
if (!outcome.ok) {
  for (const issue of outcome.error.issues) {
    console.log(`${issue.path}: ${issue.message} [${issue.code}]`);
  }
}
