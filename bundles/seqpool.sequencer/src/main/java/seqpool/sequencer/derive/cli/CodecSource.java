package seqpool.sequencer.derive.cli;

import seqpool.api.submitter.BatchCodec;

/** Gives the command a batch codec for the L2 chain id and L1 fork, for the time of one derivation. */
@FunctionalInterface
interface CodecSource {
    /** A codec in use until {@link Lease#close}. */
    interface Lease extends AutoCloseable {
        BatchCodec codec();

        @Override
        void close();
    }

    Lease open(long l2ChainId, String l1Fork, int maxBlobsPerTransaction) throws Exception;
}
