package seqpool.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

class Secp256k1VerifierTest {
    private final SecureRandom rnd = new SecureRandom(new byte[] {7});

    private Hash32 randomDigest() {
        byte[] d = new byte[32];
        rnd.nextBytes(d);
        return new Hash32(Bytes.wrap(d));
    }

    @Test
    void signingMatchesBouncyCastleEcdsaAndRecovers() {
        for (int i = 0; i < 50; i++) {
            byte[] key = new byte[32];
            rnd.nextBytes(key);
            key[0] &= 0x7f;
            LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(key);
            Hash32 digest = randomDigest();
            EcdsaSignature sig = s.sign(digest);

            ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            reference.init(true, new ECPrivateKeyParameters(new BigInteger(1, key), Secp256k1.DOMAIN));
            BigInteger[] rs = reference.generateSignature(digest.value().toArray());
            BigInteger lowS = rs[1].compareTo(Secp256k1.N.shiftRight(1)) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
            assertEquals(Secp256k1.to32(rs[0]), sig.r());
            assertEquals(Secp256k1.to32(lowS), sig.s());
            assertEquals(s.address(), Secp256k1.recover(digest, sig).orElseThrow(), "v must be the recovery id");
        }
    }

    /** Every mutation is judged the same way by recovery and by the cached-key path, before and after learning. */
    @Test
    void agreesWithRecoveryOnValidAndTamperedSignatures() {
        Secp256k1Verifier verifier = new Secp256k1Verifier();
        List<LocalNodeSigner> signers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signers.add(LocalNodeSigner.generate(rnd));
        }
        int checked = 0;
        for (int round = 0; round < 20; round++) {
            LocalNodeSigner s = signers.get(round % signers.size());
            Address other = signers.get((round + 1) % signers.size()).address();
            Hash32 digest = randomDigest();
            EcdsaSignature sig = s.sign(digest);
            BigInteger r = new BigInteger(1, sig.r().toArray());
            BigInteger sv = new BigInteger(1, sig.s().toArray());
            List<EcdsaSignature> variants = List.of(sig,
                    new EcdsaSignature(sig.r(), sig.s(), sig.v() == 27 ? 28 : 27), // wrong recovery id
                    new EcdsaSignature(sig.r(), Secp256k1.to32(Secp256k1.N.subtract(sv)), sig.v() == 27 ? 28 : 27), // high-s twin
                    new EcdsaSignature(Secp256k1.to32(r.add(BigInteger.ONE)), sig.s(), sig.v()),
                    new EcdsaSignature(sig.r(), Secp256k1.to32(sv.add(BigInteger.ONE)), sig.v()),
                    new EcdsaSignature(Secp256k1.to32(Secp256k1.N), sig.s(), sig.v()),
                    new EcdsaSignature(Secp256k1.to32(BigInteger.ZERO), sig.s(), sig.v()),
                    new EcdsaSignature(sig.r(), Secp256k1.to32(BigInteger.ZERO), sig.v())); // v outside 27/28 cannot even be built
            for (EcdsaSignature v : variants) {
                for (Address who : List.of(s.address(), other)) {
                    for (Hash32 d : List.of(digest, randomDigest())) {
                        assertEquals(Secp256k1.verify(d, v, who), verifier.verify(d, v, who),
                                "round " + round + " " + v + " by " + who);
                        checked++;
                    }
                }
            }
            assertTrue(verifier.verify(digest, sig, s.address()));
        }
        assertEquals(signers.size(), verifier.knownSigners());
        assertTrue(checked > 500);
    }

    @Test
    void aSignatureOfAnotherKeyNeverTeachesAWrongKey() {
        Secp256k1Verifier verifier = new Secp256k1Verifier();
        LocalNodeSigner a = LocalNodeSigner.generate(rnd);
        LocalNodeSigner b = LocalNodeSigner.generate(rnd);
        Hash32 d = randomDigest();
        assertFalse(verifier.verify(d, b.sign(d), a.address()));
        assertEquals(0, verifier.knownSigners());
        assertTrue(verifier.verify(d, a.sign(d), a.address()));
        assertFalse(verifier.verify(d, b.sign(d), a.address()));
    }
}
