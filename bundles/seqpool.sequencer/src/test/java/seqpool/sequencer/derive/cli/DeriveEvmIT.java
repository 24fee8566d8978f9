package seqpool.sequencer.derive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.submitter.DataCommitment;
import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilSettings;

/**
 * Derivation with the EVM engine, as the devnet runs its L2: blocks made by one anvil engine (the producer's), posted
 * to L1, are re-executed by a fresh anvil started with the same genesis (chain id, genesis timestamp, first block),
 * and the block hashes (anvil's) and state roots equal the producer's.
 */
class DeriveEvmIT {
    static final long GENESIS_TIMESTAMP = 1_700_000_000L;

    @Test
    void aFreshAnvilRebuildsTheProducersBlocks() throws Exception {
        Path binary = Path.of(System.getProperty("seqpool.anvil.binary"));
        Path dir = Files.createTempDirectory(Path.of("target"), "derive-evm-it");
        try (AnvilProcess anvil = AnvilProcess.start(binary, Chain.CHAIN_ID, dir.resolve("l1.log"),
                List.of("--hardfork", "prague"));
                Chain chain = new Chain(anvil.rpcUrl());
                AnvilEngine producer = AnvilEngine.start(AnvilSettings.of(binary, dir.resolve("l2.log"),
                        SignedL2.CHAIN_ID, GENESIS_TIMESTAMP));
                FakeNode node = new FakeNode()) {
            Deployment d = new Deployment(chain);
            Path contracts = dir.resolve("contracts.yaml");
            d.addresses.writeTo(contracts);
            L1Batches l1 = new L1Batches(d, DeriveIT.codec(SignedL2.CHAIN_ID));
            l1.commitEpoch(1, 1, 10, DeriveIT.P1.address());
            SignedL2 l2 = new SignedL2(producer);
            for (int n = 1; n <= 6; n++) {
                l2.next(DeriveIT.P1, 1, n % 3);
                node.put(n, l2.engineHash(n), l2.stateRoot(n));
            }
            l1.append(l2.range(1, 4), DataCommitment.Kind.BLOB);
            l1.append(l2.range(5, 6), DataCommitment.Kind.CALLDATA);
            DeriveIT.Run r = DeriveIT.run(List.of("--l1", anvil.rpcUrl(), "--contracts", contracts.toString(),
                    "--engine", "evm", "--anvil", binary.toString(), "--genesis-timestamp",
                    Long.toString(GENESIS_TIMESTAMP), "--chain-id", Long.toString(SignedL2.CHAIN_ID), "--compare",
                    node.url()));
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("FIGURE derive_blocks_matched 6"), r.all());
            assertTrue(r.out().contains("FIGURE derive_blocks_mismatched 0"), r.all());
        }
    }
}
