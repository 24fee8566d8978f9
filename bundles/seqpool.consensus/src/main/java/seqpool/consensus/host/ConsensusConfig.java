package seqpool.consensus.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the consensus engine (PID {@code seqpool.consensus}). Times are milliseconds. */
@ObjectClassDefinition(name = "seqpool consensus", description = "Tendermint BFT engine")
public @interface ConsensusConfig {
    @AttributeDefinition(description = "L1 chain id of the EIP-712 signing domain")
    long chainId();

    @AttributeDefinition(description = "LockingPool address (EIP-712 verifyingContract), 0x-hex")
    String lockingPool();

    long timeoutProposeMs() default 1000;

    long timeoutProposeDeltaMs() default 500;

    long timeoutPrevoteMs() default 500;

    long timeoutPrevoteDeltaMs() default 250;

    long timeoutPrecommitMs() default 500;

    long timeoutPrecommitDeltaMs() default 250;

    int maxBlockTxs() default 5000;

    int maxBlockBytes() default 4194304;

    long gossipIntervalMs() default 500;

    int roundWindow() default 256;

    int mempoolMaxTxs() default 100000;

    @AttributeDefinition(description = "a submitted transaction goes to the proposers of this many next heights; 0: to every validator")
    int txForwardProposers() default 3;

    @AttributeDefinition(description = "largest consensus message accepted, bytes")
    int maxMessageBytes() default 8388608;

    int maxTxBytes() default 65536;

    @AttributeDefinition(description = "the round-0 proposer waits this long after a commit before it proposes "
            + "(paces an idle chain, CometBFT's timeout_commit); below timeoutProposeMs")
    long commitPauseMs() default 0;

    @AttributeDefinition(description = "genesis validators as 0xADDRESS:POWER; empty: the application's")
    String[] genesisValidators() default {};
}
