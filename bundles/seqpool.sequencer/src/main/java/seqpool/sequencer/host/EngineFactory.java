package seqpool.sequencer.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToLongFunction;

import seqpool.api.common.Address;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.sequencer.backend.BackendBase;
import seqpool.sequencer.backend.EmbeddedBackend;
import seqpool.sequencer.backend.EvmBackend;
import seqpool.sequencer.embedded.DevAccounts;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilSettings;
import seqpool.sequencer.evm.BlockTagHook;
import seqpool.sequencer.evm.RawJson;
import seqpool.sequencer.evm.RpcOutcome;

/**
 * Builds the configured execution engine and what reads it: the account nonces the mempool needs and the JSON-RPC
 * backend. Both engines start from the same genesis on every node: anvil's ten funded dev accounts.
 */
final class EngineFactory {
    /** An engine, the nonce reader of its latest state, and a backend factory once the chain exists. */
    record Built(ExecutionEngine engine, ToLongFunction<Address> nonces, Backends backends, AutoCloseable closer) {
    }

    @FunctionalInterface
    interface Backends {
        BackendBase create(L2Chain chain, BackendBase.Submitter submitter);
    }

    private EngineFactory() {
    }

    static Optional<Built> build(SequencerConfig c, KeyValueStore kv) throws StoreException, ExecutionException {
        switch (c.engine()) {
            case "none":
                return Optional.empty();
            case "embedded": {
                EmbeddedEngine e = EmbeddedEngine.open(kv, EmbeddedConfig.of(c.chainId(), DevAccounts.genesis())
                        .withGenesisNumber(c.genesisL2Block() - 1));
                return Optional.of(new Built(e, a -> e.account(a).nonce(),
                        (chain, submit) -> new EmbeddedBackend(e, chain, submit, c.genesisL2Block()), () -> { }));
            }
            case "evm": {
                if (c.anvilBinary().isEmpty() || !Files.isExecutable(Path.of(c.anvilBinary()))) {
                    throw new ExecutionException("sequencer.engine evm needs an executable anvil binary (anvilBinary: '"
                            + c.anvilBinary() + "')");
                }
                Path dir = c.dataDir().isEmpty() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(c.dataDir());
                AnvilEngine e = AnvilEngine.start(AnvilSettings.of(Path.of(c.anvilBinary()),
                        dir.resolve("l2-anvil.log"), c.chainId(), c.genesisTimestamp())
                        .withFirstBlock(c.genesisL2Block()));
                var reads = e.forwarder(BlockTagHook.identity());
                ToLongFunction<Address> nonces = a -> {
                    RpcOutcome r = reads.forward("eth_getTransactionCount", RawJson.of(java.util.List.of(a.toHex(),
                            "latest")));
                    if (r instanceof RpcOutcome.Success s) {
                        String hex = (String) s.result().parse();
                        return Long.parseLong(hex.substring(2), 16);
                    }
                    return 0;
                };
                return Optional.of(new Built(e, nonces,
                        (chain, submit) -> new EvmBackend(e, chain, submit, c.genesisL2Block()), e));
            }
            default:
                throw new IllegalArgumentException("sequencer.engine must be none, embedded or evm, got '" + c.engine()
                        + "'");
        }
    }
}
