package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.CurvePoints;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.testing.GasDoc;
import seqpool.contracts.testing.GasProbe;
import seqpool.contracts.testing.PoolKey;

/**
 * Gas of the pool-signature check on anvil. The figure {@code pool_sig_check_gas} is the gas of the verifier call
 * {@code FrostSecp256k1.verifyDigest} (what {@code PoolKeyRegistry} runs for a 0x02 FROST signature once it has
 * the key: z < n, R on the curve, the RFC 9591 challenge with three SHA-256 precompile calls, ecrecover), measured
 * by the test contract GasProbe around the library call; it must be at most 5,000. The test also records, for
 * comparison, OpenZeppelin's ECDSA recovery measured the same way and the whole external
 * {@code PoolKeyRegistry.checkSignature} call per scheme, cold (first touch in a transaction) and warm.
 */
@ExtendWith(AnvilExtension.class)
class PoolSignatureGasIT {
    static final long MAX_POOL_SIG_CHECK_GAS = 5_000;

    private final SecureRandom random = new SecureRandom();

    private byte[] rnd(int n) {
        byte[] x = new byte[n];
        random.nextBytes(x);
        return x;
    }

    private static BigInteger word(byte[] sig, int from) {
        return new BigInteger(1, Arrays.copyOfRange(sig, from, from + 32));
    }

    private static int prefix(PoolKey key) {
        return 2 + (CurvePoints.y(key.point()).testBit(0) ? 1 : 0);
    }

    @Test
    void poolSignatureCheckCostsAtMost5000Gas(Chain chain) throws Exception {
        Deployment d = new Deployment(chain);
        GasProbe probe = GasProbe.deploy(chain, d.admin);
        PoolKey key = d.poolKey;
        BigInteger pkx = CurvePoints.x(key.point());
        assertEquals(BigInteger.valueOf(prefix(key)), d.registry.keyPrefix().send(), "the registry stores enc(PK)'s prefix");

        byte[] digest = rnd(32);
        byte[] sig = key.frost(digest); // 0x02 || Rx || Ry || z
        GasProbe.Measured m = probe.frostVerify(pkx, prefix(key), digest, word(sig, 1), word(sig, 33), word(sig, 65));
        assertTrue(m.ok(), "the verifier accepts the pool's signature");
        System.out.println("FIGURE pool_sig_check_gas " + m.gas());
        assertTrue(m.gas() <= MAX_POOL_SIG_CHECK_GAS, "pool-signature check costs " + m.gas() + " gas, more than "
                + MAX_POOL_SIG_CHECK_GAS);

        // the same verifier rejects what it must (and the gas figure is that of an accepting run)
        BigInteger rx = word(sig, 1);
        BigInteger ry = word(sig, 33);
        BigInteger z = word(sig, 65);
        BigInteger p = Secp256k1Group.CURVE.getField().getCharacteristic();
        byte[] other = digest.clone();
        other[31] ^= 1;
        assertFalse(probe.frostVerify(pkx, prefix(key), other, rx, ry, z).ok(), "another message");
        assertFalse(probe.frostVerify(pkx, prefix(key), digest, rx, ry, z.add(BigInteger.ONE)).ok(), "another z");
        assertFalse(probe.frostVerify(pkx, prefix(key), digest, rx, p.subtract(ry), z).ok(), "R negated");
        assertFalse(probe.frostVerify(pkx, prefix(key), digest, rx, ry.add(BigInteger.ONE), z).ok(), "R off the curve");
        assertFalse(probe.frostVerify(pkx, prefix(key), digest, rx, ry, Secp256k1Group.N).ok(), "z = n");
        assertFalse(probe.frostVerify(pkx, 5 - prefix(key), digest, rx, ry, z).ok(), "the key's other parity");

        // every key parity and R parity, several signatures: accepted, same bound
        Set<String> parities = new HashSet<>();
        long max = m.gas();
        for (int i = 0; i < 64 && (i < 8 || parities.size() < 4); i++) {
            PoolKey k = PoolKey.generate(random);
            byte[] dg = rnd(32);
            byte[] s = k.frost(dg);
            GasProbe.Measured mi = probe.frostVerify(CurvePoints.x(k.point()), prefix(k), dg, word(s, 1), word(s, 33),
                    word(s, 65));
            assertTrue(mi.ok(), "signature " + i);
            max = Math.max(max, mi.gas());
            parities.add(prefix(k) + "/" + word(s, 33).testBit(0));
        }
        assertEquals(4, parities.size(), "both parities of PK and of R were exercised: " + parities);
        assertTrue(max <= MAX_POOL_SIG_CHECK_GAS, "max over the signatures " + max);

        // for comparison: OpenZeppelin ECDSA.tryRecover on the same digest, measured the same way
        byte[] ecdsa = key.ecdsa(digest); // 0x01 || r || s || v
        GasProbe.Measured e = probe.ecdsaRecover(digest, ecdsa[65], Arrays.copyOfRange(ecdsa, 1, 33),
                Arrays.copyOfRange(ecdsa, 33, 65), key.address());
        assertTrue(e.ok());

        // the whole external call PoolKeyRegistry.checkSignature(digest, signature), per scheme
        String registry = d.registry.getContractAddress();
        long[] callEcdsa = probe.externalCall(registry, d.registry.checkSignature(digest, ecdsa).encodeFunctionCall());
        long[] callFrost = probe.externalCall(registry, d.registry.checkSignature(digest, sig).encodeFunctionCall());
        long[] callCompressed = probe.externalCall(registry,
                d.registry.checkSignature(digest, key.frostCompressed(digest)).encodeFunctionCall());

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"`FrostSecp256k1.verifyDigest` (the verifier call; `pool_sig_check_gas`)", "FROST (R as x,y)",
                Long.toString(m.gas()), "max over at least 9 signatures, every parity of PK and R: " + max});
        rows.add(new String[] {"OpenZeppelin `ECDSA.tryRecover` (reference)", "ECDSA", Long.toString(e.gas()), ""});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, warm", "ECDSA", Long.toString(callEcdsa[1]),
                "account and key slot already accessed in the transaction"});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, warm", "FROST (R as x,y)",
                Long.toString(callFrost[1]), ""});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, warm", "FROST (R compressed)",
                Long.toString(callCompressed[1]), "plus the modexp square root"});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, cold", "ECDSA", Long.toString(callEcdsa[0]),
                "first touch: +2,600 account, +2,100 for the key slot"});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, cold", "FROST (R as x,y)",
                Long.toString(callFrost[0]), "first touch: +2,600 account, +2 × 2,100 (key slot and keyX)"});
        rows.add(new String[] {"`PoolKeyRegistry.checkSignature` external call, cold", "FROST (R compressed)",
                Long.toString(callCompressed[0]), ""});
        String table = GasDoc.table(List.of("what is measured", "scheme", "gas", "note"), rows);
        System.out.println(table);
        GasDoc.write("verifier-table", "PoolSignatureGasIT", table);
    }
}
