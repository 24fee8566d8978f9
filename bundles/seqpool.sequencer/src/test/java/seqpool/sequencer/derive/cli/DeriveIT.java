package seqpool.sequencer.derive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Hash32;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.DataCommitment;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.sequencer.testing.Keys;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;

/**
 * {@code seqpool derive} against a real L1 (anvil 1.7.1, Prague rules, so that web3j 4.13's blob transactions are
 * accepted): real signed L2 blocks with transfers, executed by the embedded engine, posted as batches in blobs and in
 * calldata with the pool's signature and epochs committed to SequencerSet; derive rebuilds them from L1 alone, blobs
 * fetched from anvil's Beacon API, and matches a node. Then a batch whose producer L1 did not assign and a batch
 * whose blocks claim a wrong state root are reported, with exit code 1.
 */
class DeriveIT {
    static final LocalNodeSigner P1 = Keys.node(1);
    static final LocalNodeSigner P2 = Keys.node(2);
    static final LocalNodeSigner INTRUDER = Keys.node(3);

    static AnvilProcess anvil;
    static Chain chain;
    static Deployment d;
    static Path contractsFile;
    static SignedL2 l2;
    static L1Batches l1;
    static FakeNode node;
    static long goodUpTo;

    @BeforeAll
    static void postTheChain() throws Exception {
        anvil = AnvilProcess.start(Path.of(System.getProperty("seqpool.anvil.binary")), Chain.CHAIN_ID,
                Path.of("target", "derive-l1-anvil.log"), List.of("--hardfork", "prague"));
        chain = new Chain(anvil.rpcUrl());
        d = new Deployment(chain);
        Path dir = Files.createTempDirectory(Path.of("target"), "derive-it");
        contractsFile = dir.resolve("contracts.yaml");
        d.addresses.writeTo(contractsFile);
        l1 = new L1Batches(d, codec(SignedL2.CHAIN_ID));
        l1.commitEpoch(1, 1, 10, P1.address());
        l1.commitEpoch(2, 11, 20, P2.address());
        l1.commitEpoch(3, 21, 30, P1.address());
        l2 = new SignedL2();
        node = new FakeNode();
        for (int n = 1; n <= 20; n++) {
            l2.next(n <= 10 ? P1 : P2, n <= 10 ? 1 : 2, 1 + n % 4);
            node.put(n, l2.engineHash(n), l2.stateRoot(n));
        }
        l1.append(l2.range(1, 8), DataCommitment.Kind.BLOB);
        l1.append(l2.range(9, 14), DataCommitment.Kind.CALLDATA);
        goodUpTo = l1.append(l2.range(15, 20), DataCommitment.Kind.BLOB);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (chain != null) {
            chain.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void rebuildsTheChainFromL1AndMatchesTheNode() {
        Run r = derive("--to", Long.toString(goodUpTo), "--compare", node.url());
        assertEquals(0, r.code, r.all());
        assertTrue(r.out.contains("batch 1: L2 1..8 (8 blocks, blobs"), r.all());
        assertTrue(r.out.contains("batch 2: L2 9..14 (6 blocks, calldata"), r.all());
        assertTrue(r.out.contains("FIGURE derive_blocks_matched 20"), r.all());
        assertTrue(r.out.contains("FIGURE derive_blocks_mismatched 0"), r.all());
    }

    @Test
    void aNodeWithAnotherBlockIsAMismatch() throws Exception {
        try (FakeNode other = new FakeNode()) {
            for (int n = 1; n <= 20; n++) {
                other.put(n, n == 12 ? Hash32.fromHex("0x" + "12".repeat(32)) : l2.engineHash(n), l2.stateRoot(n));
            }
            Run r = derive("--to", Long.toString(goodUpTo), "--compare", other.url());
            assertEquals(1, r.code, r.all());
            assertTrue(r.out.contains("batch 2: L2 9..14 (6 blocks, calldata, L1 block"), r.all());
            assertTrue(r.out.contains("BAD (node differs): L2 block 12: hash"), r.all());
            assertTrue(r.out.contains("FIGURE derive_blocks_matched 19"), r.all());
            assertTrue(r.out.contains("FIGURE derive_blocks_mismatched 1"), r.all());
        }
    }

    @Test
    void anUnassignedProducerAndAWrongStateRootAreReported() throws Exception {
        l2.next(INTRUDER, 3, 2);
        l2.next(INTRUDER, 3, 1);
        l1.append(l2.range(21, 22), DataCommitment.Kind.CALLDATA);
        l2.forged(P1, 3, Hash32.fromHex("0x" + "ab".repeat(32)));
        l1.append(l2.range(23, 23), DataCommitment.Kind.BLOB);
        Run r = derive();
        assertEquals(1, r.code, r.all());
        assertTrue(r.out.contains("batch 4: L2 21..22 (2 blocks, calldata, L1 block"), r.all());
        assertTrue(r.out.contains("BAD (producer not assigned): block 21 by " + INTRUDER.address()), r.all());
        assertTrue(r.out.contains("batch 5: L2 23..23 (1 blocks, blobs, L1 block"), r.all());
        assertTrue(r.out.contains("BAD (state root differs): L2 block 23"), r.all());
        assertTrue(r.out.contains("FIGURE derive_blocks_matched 20"), r.all());
        assertTrue(r.out.contains("FIGURE derive_blocks_mismatched 3"), r.all());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run(List.of("--engine", "embedded")).code);
        assertEquals(2, derive("--engine", "quantum").code);
        Run help = run(List.of("--help"));
        assertEquals(0, help.code);
        assertTrue(help.out.contains("--compare"), help.all());
    }

    static Run derive(String... more) {
        List<String> args = new ArrayList<>(List.of("--l1", anvil.rpcUrl(), "--contracts", contractsFile.toString(),
                "--engine", "embedded", "--chain-id", Long.toString(SignedL2.CHAIN_ID)));
        args.addAll(List.of(more));
        return run(args);
    }

    static Run run(List<String> args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        CodecSource codecs = (chainId, fork, max) -> lease(codec(chainId));
        int code = DeriveCommand.execute(new DeriveCli(codecs, Map.of(), out, err), args, out, err);
        Run r = new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        System.out.println(r.all());
        return r;
    }

    static BatchCodec codec(long chainId) {
        return new DefaultBatchCodec(new BatchEnvelope(chainId, BatchCompression.ZLIB, 9, 9), 9);
    }

    static CodecSource.Lease lease(BatchCodec c) {
        return new CodecSource.Lease() {
            @Override
            public BatchCodec codec() {
                return c;
            }

            @Override
            public void close() {
            }
        };
    }

    record Run(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n" + out + err;
        }
    }

}
