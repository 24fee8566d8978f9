package seqpool.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

class Secp256k1Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void keccakOfEmptyInput() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Keccak.keccak256(Bytes.EMPTY).value().toHex());
    }

    @Test
    void addressOfKnownKey() {
        LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(
                HEX.parseHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        assertEquals(Address.fromHex("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"), s.address());
        assertFalse(s.toString().contains("4c0883"));
    }

    @Test
    void rfc6979VectorWithKeyOne() throws Exception {
        byte[] one = new byte[32];
        one[31] = 1;
        LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(one);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII));
        EcdsaSignature sig = s.sign(new Hash32(Bytes.wrap(digest)));
        assertEquals("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", sig.r().toHex());
        assertEquals("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", sig.s().toHex());
    }

    @Test
    void signRecoverAndRejectTampering() {
        SecureRandom rnd = new SecureRandom(new byte[] {1});
        for (int i = 0; i < 20; i++) {
            LocalNodeSigner s = LocalNodeSigner.generate(rnd);
            byte[] d = new byte[32];
            rnd.nextBytes(d);
            Hash32 digest = new Hash32(Bytes.wrap(d));
            EcdsaSignature sig = s.sign(digest);
            assertTrue(Secp256k1.verify(digest, sig, s.address()));
            assertEquals(sig, EcdsaSignature.fromBytes65(sig.toBytes65()));
            d[0] ^= 1;
            assertNotEquals(s.address(), Secp256k1.recover(new Hash32(Bytes.wrap(d)), sig).orElse(null));
            // the high-s twin of a valid signature is rejected (EIP-2)
            BigInteger highS = Secp256k1.N.subtract(new BigInteger(1, sig.s().toArray()));
            EcdsaSignature twin = new EcdsaSignature(sig.r(), Secp256k1.to32(highS), sig.v() == 27 ? 28 : 27);
            assertTrue(Secp256k1.recover(digest, twin).isEmpty());
        }
    }

    @Test
    void destroyedSignerRefusesToSign() {
        LocalNodeSigner s = LocalNodeSigner.generate(new SecureRandom());
        s.destroy();
        assertThrows(IllegalStateException.class, () -> s.sign(Hash32.ZERO));
    }

    @Test
    void rejectsPointsOffTheCurve() {
        byte[] junk = new byte[64];
        junk[63] = 5;
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(Bytes.wrap(junk)));
    }
}
