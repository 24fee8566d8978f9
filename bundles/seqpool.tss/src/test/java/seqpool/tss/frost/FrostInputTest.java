package seqpool.tss.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;
import seqpool.tss.vss.VssConfig;

/**
 * A signing package is peer input: every way it can be unusable is a typed, checked error naming the identifiers at
 * fault (never an unchecked exception); packages compare by value; transcripts are immutable.
 */
class FrostInputTest {
    private static final List<KeyShare> SHARES = new ArrayList<>(new VssRun(VssConfig.dkg(KeyId.of("k"), 1,
            new Committee(Parties.range(1, 5), 3)), Map.of(), 31, TraceSink.NONE, Map.of(), List.of()).run()
            .shares().values());

    private static SigningCommitment commitmentOf(int i) {
        return SigningNonces.generate(SHARES.get(i), new SecureRandom()).commitment();
    }

    @Test
    void tooFewSignersIsATypedError() {
        KeyShare k = SHARES.get(0);
        SigningNonces n = SigningNonces.generate(k, new SecureRandom());
        SigningPackage pkg = new SigningPackage(List.of(n.commitment(), commitmentOf(1)), new byte[] {1});
        InvalidSigningPackageException e = assertThrows(InvalidSigningPackageException.class,
                () -> FrostSigner.sign(pkg, n, k));
        assertEquals(InvalidSigningPackageException.Reason.TOO_FEW_SIGNERS, e.reason());
        assertEquals(Set.of(), e.culprits());
        assertTrue(n.isUsed(), "the nonce is consumed whatever the outcome");
    }

    @Test
    void aSignerOutsideTheGenerationIsNamed() {
        KeyShare k = SHARES.get(0);
        SigningNonces n = SigningNonces.generate(k, new SecureRandom());
        SigningCommitment stranger = new SigningCommitment(9, Secp256k1Group.mulG(BigInteger.TWO), Secp256k1Group.mulG(BigInteger.TEN));
        SigningPackage pkg = new SigningPackage(List.of(n.commitment(), commitmentOf(1), stranger), new byte[] {1});
        InvalidSigningPackageException e = assertThrows(InvalidSigningPackageException.class,
                () -> FrostSigner.sign(pkg, n, k));
        assertEquals(InvalidSigningPackageException.Reason.UNKNOWN_SIGNER, e.reason());
        assertEquals(Set.of(9), e.culprits());
    }

    @Test
    void aPackageMisstatingMyCommitmentIsATypedError() {
        KeyShare k = SHARES.get(0);
        SigningNonces n = SigningNonces.generate(k, new SecureRandom());
        SigningNonces other = SigningNonces.generate(k, new SecureRandom());
        SigningPackage pkg = new SigningPackage(List.of(other.commitment(), commitmentOf(1), commitmentOf(2)),
                new byte[] {1});
        InvalidSigningPackageException e = assertThrows(InvalidSigningPackageException.class,
                () -> FrostSigner.sign(pkg, n, k));
        assertEquals(InvalidSigningPackageException.Reason.NOT_MY_COMMITMENT, e.reason());
        SigningPackage without = new SigningPackage(List.of(commitmentOf(1), commitmentOf(2), commitmentOf(3)),
                new byte[] {1});
        assertEquals(InvalidSigningPackageException.Reason.NOT_MY_COMMITMENT, assertThrows(
                InvalidSigningPackageException.class, () -> FrostSigner.sign(without,
                        SigningNonces.generate(k, new SecureRandom()), k)).reason());
    }

    @Test
    void theAggregatorsThresholdRuleIsATypedError() {
        SigningPackage pkg = new SigningPackage(List.of(commitmentOf(0)), new byte[] {1});
        assertEquals(InvalidSigningPackageException.Reason.TOO_FEW_SIGNERS, assertThrows(
                InvalidSigningPackageException.class, () -> FrostAggregator.aggregate(pkg, Map.of(),
                        SHARES.get(0).publicKeys())).reason());
    }

    @Test
    void packagesCompareByValue() {
        SigningCommitment a = commitmentOf(0);
        SigningCommitment b = commitmentOf(1);
        SigningPackage p1 = new SigningPackage(List.of(a, b), new byte[] {1, 2, 3});
        SigningPackage p2 = new SigningPackage(List.of(b, a), new byte[] {1, 2, 3});
        assertEquals(p1, p2);
        assertEquals(p1.hashCode(), p2.hashCode());
        assertNotEquals(p1, new SigningPackage(List.of(a, b), new byte[] {1, 2, 4}));
        assertTrue(p1.toString().contains("010203"), p1::toString);
    }

    /** Every field is final and no field holds a collection that can still change. */
    @Test
    void transcriptsAreImmutable() throws Exception {
        SigningNonces n = SigningNonces.generate(SHARES.get(0), new SecureRandom());
        SigningPackage pkg = new SigningPackage(List.of(n.commitment(), commitmentOf(1), commitmentOf(2)),
                new byte[] {7});
        SigningTranscript t = new SigningTranscript(pkg, SHARES.get(0).publicKeys().groupKey());
        t.commitmentShare(SHARES.get(0).identifier());
        for (Field f : SigningTranscript.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            assertTrue(Modifier.isFinal(f.getModifiers()), f + " is not final");
            f.setAccessible(true);
            Object v = f.get(t);
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> mm = (Map<Object, Object>) m;
                assertThrows(UnsupportedOperationException.class, () -> mm.put(99, BigInteger.ONE), f + " is mutable");
            }
        }
    }

    @Test
    void commitmentsSharesAndSignaturesRefuseTheIdentityAndOutOfRangeScalars() {
        org.bouncycastle.math.ec.ECPoint id = Secp256k1Group.identity();
        org.bouncycastle.math.ec.ECPoint g = Secp256k1Group.G;
        assertThrows(IllegalArgumentException.class, () -> new SigningCommitment(1, id, g));
        assertThrows(IllegalArgumentException.class, () -> new SigningCommitment(1, g, id));
        assertThrows(IllegalArgumentException.class, () -> new SigningCommitment(0, g, g));
        byte[] zeroId = new SigningCommitment(1, g, g).encode();
        zeroId[31] = 0;
        assertThrows(seqpool.codec.crypto.InvalidEncodingException.class, () -> SigningCommitment.decode(zeroId));
        assertThrows(IllegalArgumentException.class, () -> new SignatureShare(1, Secp256k1Group.N));
        assertThrows(IllegalArgumentException.class, () -> new SignatureShare(1, BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> new SignatureShare(0, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> new FrostSignature(id, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> new FrostSignature(g, Secp256k1Group.N));
        byte[] sig = new FrostSignature(g, BigInteger.ONE).encode();
        java.util.Arrays.fill(sig, 33, 65, (byte) 0xff);
        assertThrows(seqpool.codec.crypto.InvalidEncodingException.class, () -> FrostSignature.decode(sig));
    }
}
