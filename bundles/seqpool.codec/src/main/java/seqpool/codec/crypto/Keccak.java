package seqpool.codec.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak {
    private Keccak() {
    }

    public static Hash32 keccak256(Bytes data) {
        return new Hash32(Bytes.wrap(digest(data.toArray())));
    }

    public static byte[] digest(byte[]... parts) {
        KeccakDigest d = new KeccakDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
