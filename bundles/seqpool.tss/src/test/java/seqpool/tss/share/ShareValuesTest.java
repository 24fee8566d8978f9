package seqpool.tss.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;

/** Public key packages, shares and certificates refuse the identity, zero and out-of-range values. */
class ShareValuesTest {
    private static final ECPoint X1 = Secp256k1Group.mulG(BigInteger.valueOf(11));
    private static final ECPoint X2 = Secp256k1Group.mulG(BigInteger.valueOf(12));
    private static final ECPoint GROUP = Secp256k1Group.mulG(BigInteger.TEN);

    @Test
    void publicKeyPackagesRefuseTheIdentityAndBadIdentifiers() {
        ECPoint id = Secp256k1Group.identity();
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(id, Map.of(1, X1, 2, X2), 2));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(GROUP, Map.of(1, X1, 2, id), 2));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(GROUP, Map.of(0, X1, 2, X2), 2));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(GROUP, Map.of(1, X1, 2, X2), 0));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(GROUP, Map.of(1, X1, 2, X2), 3));
        assertThrows(IllegalArgumentException.class, () -> new PublicKeyPackage(GROUP, Map.of(), 1));
    }

    @Test
    void keySharesRefuseZeroOutOfRangeAndForeignSecrets() {
        PublicKeyPackage p = new PublicKeyPackage(GROUP, Map.of(1, X1, 2, X2), 2);
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(1, 1, BigInteger.ZERO, p));
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(1, 1, Secp256k1Group.N.add(BigInteger.valueOf(11)), p));
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(1, 1, BigInteger.valueOf(-11), p));
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(1, 1, BigInteger.valueOf(12), p));
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(0, 1, BigInteger.valueOf(11), p));
        assertThrows(IllegalArgumentException.class, () -> new KeyShare(1, 0, BigInteger.valueOf(11), p));
        KeyShare ok = new KeyShare(1, 1, BigInteger.valueOf(11), p);
        assertTrue(ok.certificate().isEmpty());
        ok.destroy();
        assertThrows(IllegalStateException.class, ok::secret);
    }

    @Test
    void certificatesRefuseBadSizesAndRoundTrip() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationCertificate(new byte[31], List.of(new byte[65])));
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationCertificate(new byte[32], List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationCertificate(new byte[32], List.of(new byte[64])));
        byte[] sig = new byte[65];
        sig[3] = 9;
        ConfirmationCertificate c = new ConfirmationCertificate(new byte[32], List.of(sig, new byte[65]));
        WireWriter w = new WireWriter();
        c.encode(w);
        assertEquals(c, ConfirmationCertificate.decode(new WireReader(w.toByteArray()), 255));
        assertThrows(seqpool.codec.wire.MalformedMessageException.class,
                () -> ConfirmationCertificate.decode(new WireReader(w.toByteArray()), 1));
        assertThrows(IllegalArgumentException.class, () -> c.signature(0));
        assertThrows(IllegalArgumentException.class, () -> c.signature(3));
    }
}
