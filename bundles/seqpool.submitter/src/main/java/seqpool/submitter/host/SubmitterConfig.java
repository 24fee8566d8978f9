package seqpool.submitter.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the batch codec (PID {@code seqpool.submitter}). docs/batches.md explains the values. */
@ObjectClassDefinition(name = "seqpool submitter", description = "batches of L2 blocks for L1: format and L1 fork")
public @interface SubmitterConfig {
    @AttributeDefinition(description = "L2 chain id: block hashes in batches are recomputed under it (as the sequencer's)")
    long chainId() default 901;

    @AttributeDefinition(description = "compression of new batches: zlib (default) or zstd; both are always decoded")
    String compression() default "zlib";

    @AttributeDefinition(description = "zlib level 1..9")
    int zlibLevel() default 9;

    @AttributeDefinition(description = "zstd level 1..22 (19 gains under 2 % over 9 at 1/15 to 1/45 of the speed: docs/batches.md)")
    int zstdLevel() default 9;

    @AttributeDefinition(description = "L1 fork whose rules apply: cancun (6 blobs per transaction) or prague (9)")
    String l1Fork() default "prague";

    @AttributeDefinition(description = "blobs per transaction if not the fork's (0: the fork's)")
    int maxBlobsPerTransaction() default 0;
}
