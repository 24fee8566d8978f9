package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.SequencerSet;

/** SequencerSet: pool-signed epoch commits and rotations, contiguity, producerAt and currentEpoch. */
@ExtendWith(AnvilExtension.class)
class SequencerSetIT {
    private Chain chain;
    private Deployment d;
    private SequencerSet set;
    private String addr;
    private String from;
    private final String p1 = "0x1111111111111111111111111111111111111111";
    private final String p2 = "0x2222222222222222222222222222222222222222";
    private final String p3 = "0x3333333333333333333333333333333333333333";

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        set = d.sequencerSet;
        addr = set.getContractAddress();
        from = d.admin.getAddress();
    }

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private byte[] commit(long id, long first, long last, String producer) {
        return PoolMessageDigest.commitEpoch(Chain.CHAIN_ID, addr, id, first, last, producer);
    }

    @Test
    void epochsAreContiguousAndPoolSigned() throws Exception {
        var empty = set.currentEpoch().send();
        assertEquals(BigInteger.ZERO, empty.component1());
        byte[] d1 = commit(1, 1, 100, p1);
        assertArrayEquals(d1, set.commitDigest(b(1), b(1), b(100), p1).send());
        chain.expectRevert(from, addr, set.commitEpoch(b(2), b(1), b(100), p1, d.poolKey.ecdsa(d1)), "NonContiguousEpoch");
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(2), b(100), p1, d.poolKey.ecdsa(d1)), "NonContiguousEpoch");
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(1), b(0), p1, d.poolKey.ecdsa(d1)), "EmptyRange");
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(1), b(100), "0x0000000000000000000000000000000000000000",
                d.poolKey.ecdsa(d1)), "InvalidProducer");
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(1), b(100), p2, d.poolKey.ecdsa(d1)), "InvalidPoolSignature");
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(1), b(100), p1, d.poolKey.ecdsaHighS(d1)), "HighSSignature");

        TransactionReceipt r = ok(set.commitEpoch(b(1), b(1), b(100), p1, d.poolKey.ecdsa(d1)));
        var e = SequencerSet.getEpochCommittedEvents(r).get(0);
        assertEquals(b(1), e.id);
        assertEquals(b(100), e.lastL2Block);
        assertEquals(p1, e.producer);
        // replay of the same commit fails (the next id is 2)
        chain.expectRevert(from, addr, set.commitEpoch(b(1), b(1), b(100), p1, d.poolKey.ecdsa(d1)), "NonContiguousEpoch");
        chain.expectRevert(from, addr, set.commitEpoch(b(2), b(102), b(200), p2, d.poolKey.ecdsa(commit(2, 102, 200, p2))),
                "NonContiguousEpoch");
        ok(set.commitEpoch(b(2), b(101), b(200), p2, d.poolKey.frost(commit(2, 101, 200, p2))));

        var cur = set.currentEpoch().send();
        assertEquals(b(2), cur.component1());
        assertEquals(b(101), cur.component2());
        assertEquals(b(200), cur.component3());
        assertEquals(p2, cur.component4());
        assertEquals(p1, set.producerAt(b(1)).send());
        assertEquals(p1, set.producerAt(b(100)).send());
        assertEquals(p2, set.producerAt(b(101)).send());
        assertEquals(p2, set.producerAt(b(200)).send());
        chain.expectRevert(from, addr, set.producerAt(b(201)), "UnassignedL2Block");
        chain.expectRevert(from, addr, set.producerAt(b(0)), "UnassignedL2Block");
    }

    @Test
    void recommitRotatesTheRestOfTheCurrentEpoch() throws Exception {
        ok(set.commitEpoch(b(1), b(1), b(100), p1, d.poolKey.ecdsa(commit(1, 1, 100, p1))));
        byte[] r1 = PoolMessageDigest.recommitEpoch(Chain.CHAIN_ID, addr, 1, 1, 40, p2);
        assertArrayEquals(r1, set.recommitDigest(b(1), b(1), b(40), p2).send());
        chain.expectRevert(from, addr, set.recommitEpoch(b(2), b(40), p2, d.poolKey.ecdsa(r1)), "NotCurrentEpoch");
        chain.expectRevert(from, addr, set.recommitEpoch(b(1), b(101), p2, d.poolKey.ecdsa(r1)), "RotationOutOfRange");
        chain.expectRevert(from, addr, set.recommitEpoch(b(1), b(40), p1, d.poolKey.ecdsa(r1)), "InvalidProducer");
        chain.expectRevert(from, addr, set.recommitEpoch(b(1), b(41), p2, d.poolKey.ecdsa(r1)), "InvalidPoolSignature");

        TransactionReceipt r = ok(set.recommitEpoch(b(1), b(40), p2, d.poolKey.ecdsa(r1)));
        var e = SequencerSet.getEpochRecommittedEvents(r).get(0);
        assertEquals(b(1), e.rotation);
        assertEquals(p1, e.oldProducer);
        assertEquals(p2, e.newProducer);
        assertEquals(b(100), e.lastL2Block);
        // the rotation's signature cannot be replayed (rotation counter moved on)
        chain.expectRevert(from, addr, set.recommitEpoch(b(1), b(60), p3, d.poolKey.ecdsa(r1)), "InvalidPoolSignature");
        chain.expectRevert(from, addr, set.recommitEpoch(b(1), b(39), p3,
                d.poolKey.ecdsa(PoolMessageDigest.recommitEpoch(Chain.CHAIN_ID, addr, 1, 2, 39, p3))), "RotationOutOfRange");
        // second rotation starting exactly at the current segment replaces its producer
        ok(set.recommitEpoch(b(1), b(40), p3,
                d.poolKey.frostCompressed(PoolMessageDigest.recommitEpoch(Chain.CHAIN_ID, addr, 1, 2, 40, p3))));
        assertEquals(p1, set.producerAt(b(39)).send());
        assertEquals(p3, set.producerAt(b(40)).send());
        assertEquals(p3, set.producerAt(b(100)).send());
        assertEquals(b(2), set.segmentCount().send());
        assertEquals(b(2), set.currentEpoch().send().component5());
        // the next epoch still starts after the epoch's last block
        ok(set.commitEpoch(b(2), b(101), b(150), p1, d.poolKey.ecdsa(commit(2, 101, 150, p1))));
        assertEquals(p1, set.producerAt(b(150)).send());
    }
}
