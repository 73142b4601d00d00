// A risk share (`RiskPart`, from the package's riskPart) crosses between the page and its
// workers with its typed arrays moved, not copied: these are the buffers to transfer.

/** The buffers of a share's typed arrays. */
export function shareBuffers(share) {
  const arrays = [share.fan, share.hashprice, ...Object.values(share.npvs), ...Object.values(share.equity)];
  return arrays.filter((a) => ArrayBuffer.isView(a)).map((a) => a.buffer);
}
