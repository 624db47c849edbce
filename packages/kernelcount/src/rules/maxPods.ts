/**
 * Pods an EKS node admits when every pod takes a VPC IP address from the node's ENIs
 * (Amazon VPC CNI without prefix delegation), as awslabs/amazon-eks-ami computes it for
 * `files/eni-max-pods.txt` and as nodeadm applies it to the kubelet's `maxPods`
 * (as of 2025-01): the first IPv4 address of each ENI is the ENI's own and serves no pod, and
 * two host-network pods (aws-node and kube-proxy) need no VPC address, so
 *
 *     max pods = ENIs x (IPv4 addresses per ENI - 1) + 2
 *
 * e.g. m5.large (3 ENIs x 10 IPv4) = 29 and m5.24xlarge (15 x 50) = 737, as in eni-max-pods.txt.
 * Prefix delegation, custom networking and the 110/250 caps of max-pods-calculator.sh are not
 * modelled: pass the figure you run as `maxPods` instead.
 *
 * @example
 * eniMaxPods(3, 10) //=> 29
 */
export function eniMaxPods(enis: number, ipv4PerEni: number): number {
  if (!Number.isInteger(enis) || enis < 1) throw new RangeError(`ENIs must be a whole number >= 1, got ${enis}`);
  if (!Number.isInteger(ipv4PerEni) || ipv4PerEni < 1) {
    throw new RangeError(`IPv4 addresses per ENI must be a whole number >= 1, got ${ipv4PerEni}`);
  }
  return enis * (ipv4PerEni - 1) + 2;
}
