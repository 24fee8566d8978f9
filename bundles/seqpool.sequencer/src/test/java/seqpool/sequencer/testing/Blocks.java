package seqpool.sequencer.testing;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.NodeSigner;
import seqpool.api.sequencer.L2Block;
import seqpool.sequencer.chain.UnsignedBlock;

/** Builds signed L2 blocks the way a producer does, with every field chosen by the test. */
public final class Blocks {
    public static final long CHAIN_ID = 901;

    private Blocks() {
    }

    public static L2Block signed(NodeSigner signer, long number, Hash32 parent, long epoch, long timestampMillis) {
        return signed(signer, signer.address(), number, parent, epoch, timestampMillis, List.of(), Hash32.ZERO);
    }

    /** Signed by {@code signer} while claiming {@code producer}, with any body. */
    public static L2Block signed(NodeSigner signer, Address producer, long number, Hash32 parent, long epoch,
            long timestampMillis, List<Bytes> txs, Hash32 stateRoot) {
        UnsignedBlock u = UnsignedBlock.build(CHAIN_ID, number, parent, epoch, producer, timestampMillis, txs, stateRoot);
        return u.signed(signer.sign(u.hash()));
    }

    /** Signed by {@code signer} as its own block, with any body and forced cursor. */
    public static L2Block signed(NodeSigner signer, long number, Hash32 parent, long epoch, long timestampMillis,
            List<Bytes> txs, Hash32 stateRoot, long forcedCursor) {
        UnsignedBlock u = UnsignedBlock.build(CHAIN_ID, number, parent, epoch, signer.address(), timestampMillis, txs,
                stateRoot, forcedCursor);
        return u.signed(signer.sign(u.hash()));
    }

    /** A chain of {@code count} blocks from {@code first} on, by one producer, one second apart. */
    public static List<L2Block> chain(NodeSigner signer, long first, Hash32 parent, long epoch, int count,
            long firstTimestamp) {
        java.util.ArrayList<L2Block> out = new java.util.ArrayList<>();
        Hash32 p = parent;
        for (int i = 0; i < count; i++) {
            L2Block b = signed(signer, first + i, p, epoch, firstTimestamp + 1000L * i);
            out.add(b);
            p = b.hash();
        }
        return out;
    }

    public static L2Block withHash(L2Block b, Hash32 hash) {
        return new L2Block(b.number(), hash, b.parentHash(), b.epoch(), b.producer(), b.timestampMillis(),
                b.transactions(), b.stateRoot(), b.producerSignature(), b.forcedCursor());
    }

    public static L2Block withSignature(L2Block b, seqpool.api.identity.EcdsaSignature sig) {
        return new L2Block(b.number(), b.hash(), b.parentHash(), b.epoch(), b.producer(), b.timestampMillis(),
                b.transactions(), b.stateRoot(), sig, b.forcedCursor());
    }
}
