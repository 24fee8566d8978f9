package seqpool.api.identity;

import seqpool.api.common.Bytes;

/**
 * A secp256k1 ECDSA signature in Ethereum form: r, s (32 bytes each, big-endian) and v (27 or 28). Producers always
 * emit low-s (s ≤ n/2); verifiers reject high-s. Canonical encoding: the 65 bytes r ‖ s ‖ v.
 */
public record EcdsaSignature(Bytes r, Bytes s, int v) {
    public EcdsaSignature {
        if (r == null || r.size() != 32 || s == null || s.size() != 32) {
            throw new IllegalArgumentException("r and s are 32 bytes each");
        }
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("v must be 27 or 28, got " + v);
        }
    }

    public static EcdsaSignature fromBytes65(Bytes b) {
        if (b.size() != 65) {
            throw new IllegalArgumentException("a signature is 65 bytes, got " + b.size());
        }
        int v = b.get(64) & 0xff;
        return new EcdsaSignature(b.slice(0, 32), b.slice(32, 64), v < 27 ? v + 27 : v);
    }

    public Bytes toBytes65() {
        return r.concat(s).concat(Bytes.of((byte) v));
    }
}
