package seqpool.sequencer.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the sequencer (PID {@code seqpool.sequencer}). Times are milliseconds. */
@ObjectClassDefinition(name = "seqpool sequencer",
        description = "L2 blocks: production by the assigned producer, follower validation, sync")
public @interface SequencerConfig {
    @AttributeDefinition(description = "L2 chain id, bound into every block header hash")
    long chainId() default 901;

    @AttributeDefinition(description = "how often the assigned producer makes a block (50..60000)")
    long blockTimeMs() default 1000;

    @AttributeDefinition(description = "number of the first real L2 block; its parent is the implicit genesis (hash 0)")
    long genesisL2Block() default 1;

    @AttributeDefinition(description = "blocks kept for later: beyond a gap, or whose assignment is not committed here yet")
    int maxFutureBlocks() default 256;

    @AttributeDefinition(description = "blocks asked from a peer in one sync request (1..1024)")
    int syncBatch() default 64;

    @AttributeDefinition(description = "execution engine: none (empty blocks), embedded (native transfers in Java) or "
            + "evm (this node's own anvil)")
    String engine() default "none";

    @AttributeDefinition(description = "anvil binary for the evm engine")
    String anvilBinary() default "";

    @AttributeDefinition(description = "directory for the engine's files (the evm engine's anvil log)")
    String dataDir() default "";

    @AttributeDefinition(description = "L2 genesis time in seconds (the same on every node: the evm engine's genesis)")
    long genesisTimestamp() default 1700000000;

    @AttributeDefinition(description = "most transactions in one L2 block")
    int maxBlockTxs() default 5000;
}
