package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;

/**
 * Each deal check and each identity/zero check of the VSS, fed a bad value: the reshare dealer's constant against
 * λ_i·X_i, the deal's shape, a zero share, identity points in messages and proofs, and a DKG whose constants sum to
 * the identity.
 */
class VssChecksTest {
    private static final KeyId KEY = KeyId.of("k");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Address, KeyShare> G1 = new VssRun(VssConfig.dkg(KEY, 1, ReshareFaultTest.OLD), Map.of(),
            51, TraceSink.NONE, Map.of(), List.of()).run().shares();
    private static final VssConfig RESHARE = VssConfig.reshare(KEY, 2, ReshareFaultTest.OLD,
            ReshareFaultTest.OLD.members(), 1, ReshareFaultTest.NEW, G1.values().iterator().next().publicKeys().groupKey());
    private static final byte[] SID = new byte[32];

    private static Map<Address, ECPoint> receiverKeys(Committee c) {
        Map<Address, ECPoint> keys = new HashMap<>();
        c.members().forEach(a -> keys.put(a, Secp256k1Group.mulG(Secp256k1Group.randomScalar(RANDOM))));
        return keys;
    }

    /** A reshare deal of n1 with the given constant offset, proof and carried old generation. */
    private static VssMessage.Deal reshareDeal(BigInteger offset, boolean withProof, boolean withOld) {
        Address d = Parties.address(1);
        KeyShare share = G1.get(d);
        BigInteger constant = RESHARE.dealerLambda(d).multiply(share.secret()).add(offset).mod(Secp256k1Group.N);
        VssDealer dealer = new VssDealer(constant, RESHARE.receivers().threshold(), RANDOM);
        VssMessage.OldGeneration old = withOld
                ? new VssMessage.OldGeneration(share.publicKeys(), share.certificate().orElseThrow()) : null;
        return dealer.deal(SID, 1, RESHARE.dealerIdentifier(d), withProof, RESHARE.receivers().members(),
                receiverKeys(RESHARE.receivers()), old, RANDOM);
    }

    private static String check(VssConfig cfg, VssMessage.Deal deal) {
        return DealCheck.structural(cfg, SID, Parties.address(1), 1, null, deal, deal.encode(), new OldGenerationCheck(cfg));
    }

    @Test
    void reshareDealChecks() {
        assertNull(check(RESHARE, reshareDeal(BigInteger.ZERO, false, true)));
        assertEquals("commitment to the constant term is not λ_i·X_i of the old public share",
                check(RESHARE, reshareDeal(BigInteger.ONE, false, true)));
        assertEquals("unexpected proof in a reshare deal", check(RESHARE, reshareDeal(BigInteger.ZERO, true, true)));
        assertEquals("a reshare deal must carry the old generation's public keys",
                check(RESHARE, reshareDeal(BigInteger.ZERO, false, false)));
        VssMessage.Deal d = reshareDeal(BigInteger.ZERO, false, true);
        VssMessage.Deal short1 = new VssMessage.Deal(d.commitments().subList(0, 3), null, d.dealerKey(), d.old(),
                d.ciphertexts());
        assertEquals("commitment has 3 terms, threshold is 4", check(RESHARE, short1));
        VssMessage.Deal fewShares = new VssMessage.Deal(d.commitments(), null, d.dealerKey(), d.old(),
                d.ciphertexts().subList(0, 4));
        assertEquals("deal has 4 shares for 5 receivers", check(RESHARE, fewShares));
        VssConfig otherKey = VssConfig.reshare(KEY, 2, ReshareFaultTest.OLD, ReshareFaultTest.OLD.members(), 1,
                ReshareFaultTest.NEW, Secp256k1Group.G);
        assertEquals("the old public keys are for another group key", check(otherKey, d));
    }

    @Test
    void dkgDealChecks() {
        VssConfig dkg = VssConfig.dkg(KEY, 1, ReshareFaultTest.OLD);
        VssDealer dealer = new VssDealer(BigInteger.valueOf(5), 3, RANDOM);
        VssMessage.Deal d = dealer.deal(SID, 1, 1, true, dkg.receivers().members(), receiverKeys(dkg.receivers()),
                null, RANDOM);
        VssMessage.Commit commit = new VssMessage.Commit(VssDealer.commitHash(SID, 1, d.encode()));
        OldGenerationCheck none = new OldGenerationCheck(dkg);
        assertNull(DealCheck.structural(dkg, SID, Parties.address(1), 1, commit, d, d.encode(), none));
        assertEquals("deal does not match its round-1 hash commitment", DealCheck.structural(dkg, SID,
                Parties.address(1), 1, new VssMessage.Commit(new byte[32]), d, d.encode(), none));
        VssMessage.Deal withOld = new VssMessage.Deal(d.commitments(), d.proof(), d.dealerKey(),
                new VssMessage.OldGeneration(G1.get(Parties.address(1)).publicKeys(), null), d.ciphertexts());
        assertEquals("a DKG deal carries no old generation", DealCheck.structural(dkg, SID, Parties.address(1), 1,
                new VssMessage.Commit(VssDealer.commitHash(SID, 1, withOld.encode())), withOld, withOld.encode(), none));
        VssMessage.Deal noProof = new VssMessage.Deal(d.commitments(), null, d.dealerKey(), null, d.ciphertexts());
        assertEquals("invalid proof of knowledge", DealCheck.structural(dkg, SID, Parties.address(1), 1,
                new VssMessage.Commit(VssDealer.commitHash(SID, 1, noProof.encode())), noProof, noProof.encode(), none));
    }

    /** f(1) = 5 + (n − 5)·1 = 0: the commitment evaluates to the identity and 0·G is the identity too. */
    @Test
    void aZeroShareNeverMatches() {
        List<ECPoint> cs = List.of(Secp256k1Group.mulG(BigInteger.valueOf(5)), Secp256k1Group.mulG(Secp256k1Group.N.subtract(
                BigInteger.valueOf(5))));
        assertFalse(DealCheck.shareMatches(cs, 1, BigInteger.ZERO));
        assertFalse(DealCheck.shareMatches(cs, 1, null));
        assertTrue(DealCheck.shareMatches(cs, 2, BigInteger.valueOf(5).add(Secp256k1Group.N.subtract(BigInteger.valueOf(5))
                .multiply(BigInteger.TWO)).mod(Secp256k1Group.N)));
    }

    @Test
    void identityPointsInMessagesAndProofsAreRefused() throws Exception {
        ECPoint id = Secp256k1Group.identity();
        assertThrows(IllegalArgumentException.class, () -> new VssMessage.Hello(new byte[32], id));
        byte[] hello = new VssMessage.Hello(new byte[32], Secp256k1Group.G).encode();
        hello[33] = 0; // the key's SEC1 tag
        assertThrows(MalformedMessageException.class, () -> VssMessage.decode(hello));
        VssMessage.Deal d = reshareDeal(BigInteger.ZERO, false, true);
        assertThrows(IllegalArgumentException.class, () -> new VssMessage.Deal(d.commitments(), null, id, d.old(),
                d.ciphertexts()));
        assertThrows(IllegalArgumentException.class, () -> new SchnorrProof(id, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> new SchnorrProof(Secp256k1Group.G, Secp256k1Group.N));
        byte[] proof = new SchnorrProof(Secp256k1Group.G, BigInteger.ONE).encode();
        java.util.Arrays.fill(proof, 33, 65, (byte) 0xff);
        assertThrows(seqpool.codec.crypto.InvalidEncodingException.class, () -> SchnorrProof.decode(proof));
        // A DLEQ "proof" whose first commitment a1 = s·G − c·P is the identity: refused, not hashed.
        BigInteger e = Secp256k1Group.randomScalar(RANDOM);
        ECPoint p = Secp256k1Group.mulG(e);
        ECPoint h = Secp256k1Group.mulG(BigInteger.valueOf(7));
        assertFalse(new DleqProof(BigInteger.ONE, e).verify(SID, p, h, Secp256k1Group.mul(h, e)));
        DleqProof real = DleqProof.prove(SID, e, p, h, Secp256k1Group.mulSecret(h, e), RANDOM);
        assertTrue(real.verify(SID, p, h, Secp256k1Group.mul(h, e)));
        assertFalse(real.verify(SID, p, h, Secp256k1Group.mul(h, e.add(BigInteger.ONE))));
    }

    /** Both DKG dealers collude so that their constants sum to zero: everyone aborts, no identity key is accepted. */
    @Test
    void aDkgWhoseConstantsSumToZeroAborts() {
        Committee c = new Committee(Parties.range(1, 2), 2);
        VssRun run = new VssRun(VssConfig.dkg(KEY, 1, c), Map.of(), 52, TraceSink.NONE, Map.of(
                Parties.address(1), (k, t, r) -> new VssDealer(BigInteger.valueOf(5), t, r),
                Parties.address(2), (k, t, r) -> new VssDealer(Secp256k1Group.N.subtract(BigInteger.valueOf(5)), t, r)),
                List.of()).run();
        assertEquals(2, run.aborts().size());
        run.aborts().forEach(a -> assertEquals("dealt constant terms do not sum to the expected group key", a.reason()));
    }
}
