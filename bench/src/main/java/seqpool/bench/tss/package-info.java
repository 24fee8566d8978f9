/** TSS benchmarks: DKG, reshare and FROST signing for (n, threshold) = (4,3), (7,5), (21,15), in one process. */
package seqpool.bench.tss;
