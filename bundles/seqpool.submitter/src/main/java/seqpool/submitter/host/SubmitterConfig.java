package seqpool.submitter.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Typed configuration of the batch codec and the submitter (PID {@code seqpool.submitter}). docs/batches.md explains
 * the values.
 */
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

    @AttributeDefinition(description = "L1 JSON-RPC URL (from staking.rpcUrl)")
    String rpcUrl() default "http://127.0.0.1:8545";

    @AttributeDefinition(description = "addresses file of the deployed contracts (from staking.contractsFile)")
    String contractsFile() default "contracts.yaml";

    @AttributeDefinition(description = "number of the first L2 block (from pos.firstL2Block)")
    long firstL2Block() default 1;

    @AttributeDefinition(description = "the pool key's id in the TSS service")
    String keyId() default "pool";

    @AttributeDefinition(description = "post batches at all: false makes the node a signer only")
    boolean enabled() default true;

    @AttributeDefinition(description = "a batch is cut once its oldest block is this old (ms, by L2 timestamp)")
    long maxAgeMs() default 60_000;

    @AttributeDefinition(description = "blobs one batch may fill (its size limit); at most the fork's per transaction")
    int blobsPerBatch() default 1;

    @AttributeDefinition(description = "how batch data travels: auto (the cheaper at current fees), blob or calldata")
    String dataKind() default "auto";

    @AttributeDefinition(description = "the fallback of rank r proposes and posts after r times this (ms)")
    long submitTimeoutMs() default 30_000;

    @AttributeDefinition(description = "a batch transaction unmined for this long is replaced with higher fees (ms)")
    long bumpAfterMs() default 36_000;

    @AttributeDefinition(description = "how often the submitter steps (ms)")
    long pollMs() default 500;
}
