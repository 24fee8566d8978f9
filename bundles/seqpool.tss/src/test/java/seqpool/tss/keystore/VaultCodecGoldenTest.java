package seqpool.tss.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;

/**
 * Golden bytes of the vault's stored records: a new version of the TSS module opens the vault the old one wrote, so
 * the store keys, the key record, the share record (version 2, and version 1 still read), the AEAD sealing and the
 * passphrase key derivation are pinned byte for byte. {@code -Dseqpool.golden.print=true} prints the encodings.
 */
class VaultCodecGoldenTest {
    private static final KeyId ID = KeyId.of("pool");
    private static final Address A = Address.fromHex("0x1111111111111111111111111111111111111111");
    private static final Address B = Address.fromHex("0x2222222222222222222222222222222222222222");

    static Map<String, byte[]> records() {
        PublicKeyPackage pk = new PublicKeyPackage(Secp256k1Group.mulG(BigInteger.valueOf(10)),
                Map.of(1, Secp256k1Group.mulG(BigInteger.valueOf(11)), 2, Secp256k1Group.mulG(BigInteger.valueOf(12))), 2);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("info key", VaultCodec.key("k/", ID, 0, 0, 0));
        m.put("share key", VaultCodec.key("s/", ID, 3, 0, 1));
        m.put("nonce key", VaultCodec.key("n/", ID, 3, 77, 2));
        m.put("key record", VaultCodec.encodeInfo(new KeyInfo(ID, 3, new Committee(List.of(A, B), 2),
                Bytes.wrap(Secp256k1Group.encode(Secp256k1Group.mulG(BigInteger.valueOf(10)))), KeyStatus.RESHARING)));
        m.put("share record", VaultCodec.encodeShare(new KeyShare(1, 3, BigInteger.valueOf(11), pk)));
        m.put("share record with certificate", VaultCodec.encodeShare(new KeyShare(2, 3, BigInteger.valueOf(12), pk,
                new ConfirmationCertificate(fill(0x55, 32), List.of(fill(0x66, 65), fill(0x77, 65))))));
        m.put("sealed", Aead.seal(fill(0x01, 32), "share".getBytes(), "aad".getBytes(), new CountingRandom()));
        return m;
    }

    static final Map<String, String> GOLDEN = Map.of(
            "info key", "6b2f706f6f6c00",
            "share key", "732f706f6f6c0000000003",
            "nonce key", "6e2f706f6f6c0000000003000000000000004d",
            "key record", "0100000004706f6f6c000000030203a0434d9e47f3c86235477c7b1ae6ae5d3442d49b1943c2b752a68e2a47e247c700"
                    + "02000211111111111111111111111111111111111111112222222222222222222222222222222222222222",
            "share record", "02000100000003000000000000000000000000000000000000000000000000000000000000000b000203a0434d9e47f3"
                    + "c86235477c7b1ae6ae5d3442d49b1943c2b752a68e2a47e247c70002000103774ae7f858a9411e5ef4246b70c65aac56"
                    + "49980be5c17891bbec17895da008cb000203d01115d548e7561b15c38f004d734633687cf4419620095bc5b0f47070af"
                    + "e85a00",
            "share record with certificate", "02000200000003000000000000000000000000000000000000000000000000000000000000000c000203a0434d9e47f3"
                    + "c86235477c7b1ae6ae5d3442d49b1943c2b752a68e2a47e247c70002000103774ae7f858a9411e5ef4246b70c65aac56"
                    + "49980be5c17891bbec17895da008cb000203d01115d548e7561b15c38f004d734633687cf4419620095bc5b0f47070af"
                    + "e85a01555555555555555555555555555555555555555555555555555555555555555500026666666666666666666666"
                    + "666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666"
                    + "666666666666777777777777777777777777777777777777777777777777777777777777777777777777777777777777"
                    + "7777777777777777777777777777777777777777777777",
            "sealed", "000102030405060708090a0bc8cef454452551dbfcb9266e0c5632349b94f9a19e");

    @Test
    void storedRecordsHaveTheirPinnedEncoding() throws Exception {
        boolean print = Boolean.getBoolean("seqpool.golden.print");
        for (Map.Entry<String, byte[]> e : records().entrySet()) {
            String hex = HexFormat.of().formatHex(e.getValue());
            if (print) {
                System.out.println("GOLDEN \"" + e.getKey() + "\", \"" + hex + "\",");
                continue;
            }
            assertEquals(GOLDEN.get(e.getKey()), hex, e.getKey() + ": the stored format changed");
        }
        if (print) {
            return;
        }
        KeyInfo info = VaultCodec.decodeInfo(bytes("key record"));
        assertEquals(KeyStatus.RESHARING, info.status());
        assertEquals(List.of(A, B), info.committee().members());
        KeyShare share = VaultCodec.decodeShare(bytes("share record with certificate"));
        assertEquals(2, share.identifier());
        assertArrayEquals(bytes("share record with certificate"), VaultCodec.encodeShare(share));
        assertArrayEquals("share".getBytes(), Aead.open(fill(0x01, 32), bytes("sealed"), "aad".getBytes()));
    }

    /** A version-1 share record (before certificates) still reads: version byte 1 and no certificate flag. */
    @Test
    void versionOneShareRecordsStillRead() throws Exception {
        byte[] v2 = HexFormat.of().parseHex(GOLDEN.get("share record"));
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 1); // drop the "no certificate" flag
        v1[0] = 1;
        KeyShare s = VaultCodec.decodeShare(v1);
        assertEquals(1, s.identifier());
        assertEquals(3, s.generation());
        assertArrayEquals(v2, VaultCodec.encodeShare(s), "read as version 1, written as version 2");
    }

    @Test
    void unknownStatusCodesAreRejected() {
        byte[] b = bytes("key record");
        b[1 + 4 + 4 + 4] = 9; // u8 version, string "pool" (u32 length + 4), u32 generation, then the status
        assertThrows(MalformedMessageException.class, () -> VaultCodec.decodeInfo(b));
    }

    private static byte[] bytes(String name) {
        return HexFormat.of().parseHex(GOLDEN.get(name));
    }

    static byte[] fill(int b, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    /** Deterministic "randomness" for a pinned seal: 0x00, 0x01, 0x02, ... */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next++;
            }
        }
    }
}
