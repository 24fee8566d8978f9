package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;

import java.io.InputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.digest.PoolSignatureEncoding;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.CurvePoints;
import seqpool.contracts.testing.PoolKey;
import seqpool.contracts.testing.Rfc9591Challenge;
import seqpool.contracts.wrappers.PoolKeyRegistry;

/** PoolKeyRegistry: registration, both signature schemes, the RFC 9591 vector, rotation and every revert. */
@ExtendWith(AnvilExtension.class)
class PoolKeyRegistryIT {
    private final SecureRandom random = new SecureRandom();
    private Chain chain;
    private Credentials admin;
    private PoolKeyRegistry registry;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        admin = chain.newAccount();
        registry = PoolKeyRegistry.deploy(chain.web3j(), chain.txManager(admin), Chain.GAS, admin.getAddress()).send();
    }

    private JsonNode vector() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/vectors/frost/cfrg-frost-secp256k1-sha256.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void rfc9591VectorSignatureVerifiesInBothEncodings() throws Exception {
        JsonNode v = vector();
        ECPoint pk = CurvePoints.decode(Numeric.hexStringToByteArray(v.at("/inputs/group_public_key").asText()));
        byte[] message = Numeric.hexStringToByteArray(v.at("/inputs/message").asText());
        byte[] sig = Numeric.hexStringToByteArray(v.at("/final_output/sig").asText());
        ok(registry.registerInitialKey(CurvePoints.pubkey64(pk)));

        // the Java reference of H2 agrees with the vector: z*G == R + c*PK
        ECPoint r = CurvePoints.decode(Arrays.copyOfRange(sig, 0, 33));
        BigInteger z = new BigInteger(1, Arrays.copyOfRange(sig, 33, 65));
        BigInteger c = Rfc9591Challenge.challenge(r, pk, message);
        assertEquals(Secp256k1Group.G.multiply(z).normalize(), r.add(pk.multiply(c)).normalize());

        assertTrue(registry.verifyFrostMessage(message, PoolSignatureEncoding.frostCompressed(sig)).send());
        assertTrue(registry.verifyFrostMessage(message,
                PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r), z)).send());
        assertTrue(registry.verifyFrostMessage(message, PoolSignatureEncoding.frostFromRfc9591(sig)).send());

        // any change breaks it: another message, another z, R negated
        assertFalse(registry.verifyFrostMessage("tesu".getBytes(), PoolSignatureEncoding.frostCompressed(sig)).send());
        assertFalse(registry.verifyFrostMessage(message,
                PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r), z.add(BigInteger.ONE))).send());
        assertFalse(registry.verifyFrostMessage(message,
                PoolSignatureEncoding.frost(CurvePoints.x(r), Secp256k1Group.CURVE.getField().getCharacteristic()
                        .subtract(CurvePoints.y(r)), z)).send());
        // z >= n and R off the curve are rejected
        assertFalse(registry.verifyFrostMessage(message,
                PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r), Secp256k1Group.N)).send());
        assertFalse(registry.verifyFrostMessage(message,
                PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r).add(BigInteger.ONE), z)).send());
    }

    private static int prefix(PoolKey key) {
        return CurvePoints.y(key.point()).testBit(0) ? 3 : 2;
    }

    /**
     * The pool's path (checkSignature, 0x02: the digest written straight into msg_prime) and the RFC 9591 path for any
     * message (verifyFrostMessage) agree on 32-byte messages, for keys of both parities (enc(PK)'s prefix and
     * ecrecover's v come from the stored prefix).
     */
    @Test
    void frostChecksAgreeForBothKeyParities() throws Exception {
        Set<Integer> prefixes = new HashSet<>();
        for (int i = 0; i < 16 && prefixes.size() < 2; i++) {
            PoolKey key = PoolKey.generate(random);
            if (!prefixes.add(prefix(key))) {
                continue;
            }
            PoolKeyRegistry r = PoolKeyRegistry.deploy(chain.web3j(), chain.txManager(admin), Chain.GAS,
                    admin.getAddress()).send();
            ok(r.registerInitialKey(key.pubkey64()));
            assertEquals(BigInteger.valueOf(prefix(key)), r.keyPrefix().send());
            for (int j = 0; j < 3; j++) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                byte[] sig = key.frost(digest);
                assertTrue(r.checkSignature(digest, sig).send());
                assertTrue(r.verifyFrostMessage(digest, sig).send());
                byte[] other = digest.clone();
                other[0] ^= (byte) 0x80;
                assertFalse(r.verifyFrostMessage(other, sig).send());
                chain.expectRevert(admin.getAddress(), r.getContractAddress(), r.checkSignature(other, sig),
                        "InvalidPoolSignature");
            }
        }
        assertEquals(Set.of(2, 3), prefixes);
    }

    @Test
    void registrationIsOneTimeAndAdminOnly() throws Exception {
        PoolKey key = PoolKey.generate(random);
        Credentials other = chain.newAccount();
        PoolKeyRegistry asOther = PoolKeyRegistry.load(registry.getContractAddress(), chain.web3j(),
                chain.txManager(other), Chain.GAS);
        chain.expectRevert(other.getAddress(), registry.getContractAddress(),
                asOther.registerInitialKey(key.pubkey64()), "OwnableUnauthorizedAccount");
        chain.expectRevert(admin.getAddress(), registry.getContractAddress(),
                registry.registerInitialKey(new byte[64]), "InvalidPoolKey");
        byte[] offCurve = key.pubkey64();
        offCurve[63] ^= 1;
        chain.expectRevert(admin.getAddress(), registry.getContractAddress(),
                registry.registerInitialKey(offCurve), "InvalidPoolKey");
        chain.expectRevert(admin.getAddress(), registry.getContractAddress(),
                registry.checkSignature(new byte[32], key.ecdsa(new byte[32])), "PoolKeyNotRegistered");

        TransactionReceipt r = ok(registry.registerInitialKey(key.pubkey64()));
        var events = PoolKeyRegistry.getPoolKeyRegisteredEvents(r);
        assertEquals(1, events.size());
        assertEquals(BigInteger.ONE, events.get(0).generation);
        assertEquals(key.address(), events.get(0).poolAddress);
        assertEquals(key.address(), registry.poolAddress().send());
        assertEquals(CurvePoints.x(key.point()), registry.keyX().send());
        chain.expectRevert(admin.getAddress(), registry.getContractAddress(),
                registry.registerInitialKey(PoolKey.generate(random).pubkey64()), "PoolKeyAlreadyRegistered");
    }

    @Test
    void ecdsaAndFrostSignaturesOverTheSameKey() throws Exception {
        PoolKey key = PoolKey.generate(random);
        ok(registry.registerInitialKey(key.pubkey64()));
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        String to = registry.getContractAddress();
        String from = admin.getAddress();

        registry.checkSignature(digest, key.ecdsa(digest)).send();
        registry.checkSignature(digest, key.frost(digest)).send();
        registry.checkSignature(digest, key.frostCompressed(digest)).send();

        byte[] other = digest.clone();
        other[0] ^= 1;
        chain.expectRevert(from, to, registry.checkSignature(other, key.ecdsa(digest)), "InvalidPoolSignature");
        chain.expectRevert(from, to, registry.checkSignature(other, key.frost(digest)), "InvalidPoolSignature");
        chain.expectRevert(from, to, registry.checkSignature(other, key.frostCompressed(digest)), "InvalidPoolSignature");
        PoolKey stranger = PoolKey.generate(random);
        chain.expectRevert(from, to, registry.checkSignature(digest, stranger.ecdsa(digest)), "InvalidPoolSignature");
        chain.expectRevert(from, to, registry.checkSignature(digest, stranger.frost(digest)), "InvalidPoolSignature");
        chain.expectRevert(from, to, registry.checkSignature(digest, key.ecdsaHighS(digest)), "HighSSignature");

        // wrong scheme: an ECDSA signature labelled FROST-compressed (same length), unknown scheme bytes, bad lengths
        byte[] relabelled = key.ecdsa(digest);
        relabelled[0] = PoolSignatureEncoding.SCHEME_FROST_COMPRESSED;
        chain.expectRevert(from, to, registry.checkSignature(digest, relabelled), "InvalidPoolSignature");
        byte[] unknown = key.ecdsa(digest);
        unknown[0] = 9;
        assertEquals(BigInteger.valueOf(9),
                chain.expectRevert(from, to, registry.checkSignature(digest, unknown), "UnknownSignatureScheme").args().get(0));
        chain.expectRevert(from, to, registry.checkSignature(digest, Arrays.copyOf(key.ecdsa(digest), 65)),
                "BadSignatureLength");
        chain.expectRevert(from, to, registry.checkSignature(digest, Arrays.copyOf(key.frost(digest), 96)),
                "BadSignatureLength");
        chain.expectRevert(from, to, registry.checkSignature(digest, new byte[0]), "EmptySignature");
    }

    @Test
    void rotationNeedsTheCurrentKeyAndCannotBeReplayed() throws Exception {
        PoolKey k1 = PoolKey.generate(random);
        PoolKey k2 = PoolKey.generate(random);
        PoolKey k3 = PoolKey.generate(random);
        ok(registry.registerInitialKey(k1.pubkey64()));
        String to = registry.getContractAddress();
        Credentials anyone = chain.newAccount();
        PoolKeyRegistry asAnyone = PoolKeyRegistry.load(to, chain.web3j(), chain.txManager(anyone), Chain.GAS);

        byte[] d12 = PoolMessageDigest.rotatePoolKey(Chain.CHAIN_ID, to, 1, CurvePoints.x(k2.point()), CurvePoints.y(k2.point()));
        assertArrayEquals(d12, registry.rotationDigest(k2.pubkey64()).send());
        chain.expectRevert(anyone.getAddress(), to, asAnyone.rotatePoolKey(k2.pubkey64(), k2.ecdsa(d12)), "InvalidPoolSignature");
        chain.expectRevert(anyone.getAddress(), to, asAnyone.rotatePoolKey(k1.pubkey64(), k1.ecdsa(d12)), "SamePoolKey");

        // anyone may submit the rotation signed (here with FROST) by the current key
        TransactionReceipt r = ok(asAnyone.rotatePoolKey(k2.pubkey64(), k1.frost(d12)));
        var ev = PoolKeyRegistry.getPoolKeyRotatedEvents(r).get(0);
        assertEquals(BigInteger.TWO, ev.generation);
        assertEquals(k1.address(), ev.oldPoolAddress);
        assertEquals(k2.address(), ev.newPoolAddress);
        assertEquals(k2.address(), registry.poolAddress().send());
        assertEquals(BigInteger.valueOf(prefix(k2)), registry.keyPrefix().send());
        assertEquals(CurvePoints.x(k2.point()), registry.keyX().send());

        // the old key no longer signs; the old rotation message cannot be replayed
        byte[] digest = new byte[32];
        chain.expectRevert(anyone.getAddress(), to, registry.checkSignature(digest, k1.ecdsa(digest)), "InvalidPoolSignature");
        registry.checkSignature(digest, k2.ecdsa(digest)).send();
        byte[] d13 = PoolMessageDigest.rotatePoolKey(Chain.CHAIN_ID, to, 1, CurvePoints.x(k3.point()), CurvePoints.y(k3.point()));
        chain.expectRevert(anyone.getAddress(), to, asAnyone.rotatePoolKey(k3.pubkey64(), k2.ecdsa(d13)), "InvalidPoolSignature");
        // the admin has no other way to change the key
        chain.expectRevert(admin.getAddress(), to, registry.registerInitialKey(k3.pubkey64()), "PoolKeyAlreadyRegistered");
    }
}
