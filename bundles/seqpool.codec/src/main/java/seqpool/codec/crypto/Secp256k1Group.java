package seqpool.codec.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECConstantTimeMultiplier;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;

/**
 * The secp256k1 prime-order group for FROST and VSS (the ECDSA side, with Ethereum conventions, is {@link Secp256k1}),
 * as RFC 9591 §6.5 uses it: elements serialized SEC1-compressed (33 bytes, identity not
 * serializable), scalars 32 bytes big-endian and canonical (< n). Stateless and thread-safe.
 *
 * <p>Security (constant time): secret multiples of G go through {@link #mulG} (BouncyCastle's
 * {@code FixedPointCombMultiplier}: a fixed number of additions with constant-time table lookups); secret multiples
 * of any other point through {@link #mulSecret} ({@code ECConstantTimeMultiplier}: fixed-window, cache-safe lookup
 * table, no branch on the scalar's bits). {@link #mul}, {@link #mulSmall} and {@link #sumOfMultiplies} (wNAF / GLV)
 * branch on the scalar and are for public scalars only. Scalars are {@link BigInteger}s, whose arithmetic (and the
 * reduction mod n here) is not constant-time: see docs/tss.md, "Constant time".
 */
public final class Secp256k1Group {
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    public static final ECCurve CURVE = PARAMS.getCurve();
    public static final ECPoint G = PARAMS.getG();
    public static final BigInteger N = PARAMS.getN();
    public static final int SCALAR_BYTES = 32;
    public static final int ELEMENT_BYTES = 33;
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();
    private static final ECConstantTimeMultiplier CONSTANT_TIME = new ECConstantTimeMultiplier(N);

    static {
        FixedPointUtil.precompute(G);
    }

    private Secp256k1Group() {
    }

    /** k·G with the fixed-point comb. */
    public static ECPoint mulG(BigInteger k) {
        return COMB.multiply(G, k.mod(N)).normalize();
    }

    /**
     * k·P for a small non-negative k (identifiers, powers in Horner's rule) by double-and-add, without normalizing:
     * much cheaper than a full-width multiplication for k < 2^16.
     */
    public static ECPoint mulSmall(ECPoint p, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative multiplier");
        }
        ECPoint acc = CURVE.getInfinity();
        for (int bit = 31 - Integer.numberOfLeadingZeros(k); bit >= 0; bit--) {
            acc = acc.twice();
            if (((k >>> bit) & 1) != 0) {
                acc = acc.add(p);
            }
        }
        return acc;
    }

    /** k·P for a public k (BouncyCastle's default GLV multiplier, which branches on k). */
    public static ECPoint mul(ECPoint p, BigInteger k) {
        return p.multiply(k.mod(N)).normalize();
    }

    /** k·P for a secret k (ECDH with an ephemeral key, proof nonces): BouncyCastle's constant-time multiplier. */
    public static ECPoint mulSecret(ECPoint p, BigInteger k) {
        BigInteger r = k.mod(N);
        if (r.signum() == 0 || p.isInfinity()) {
            return CURVE.getInfinity();
        }
        return CONSTANT_TIME.multiply(p, r).normalize();
    }

    /** Σ k_i·P_i (interleaved, one normalization). */
    public static ECPoint sumOfMultiplies(ECPoint[] ps, BigInteger[] ks) {
        return ECAlgorithms.sumOfMultiplies(ps, ks).normalize();
    }

    public static ECPoint identity() {
        return CURVE.getInfinity();
    }

    /** SerializeElement: 33-byte compressed encoding; the identity is an error (RFC 9591 §6.5). */
    public static byte[] encode(ECPoint p) {
        if (p.isInfinity()) {
            throw new IllegalArgumentException("the identity element cannot be serialized");
        }
        return p.getEncoded(true);
    }

    /** DeserializeElement: rejects wrong length, off-curve points and the identity. */
    public static ECPoint decode(byte[] b) throws InvalidEncodingException {
        if (b == null || b.length != ELEMENT_BYTES || (b[0] != 2 && b[0] != 3)) {
            throw new InvalidEncodingException("an element is 33 bytes SEC1 compressed");
        }
        try {
            ECPoint p = CURVE.decodePoint(b).normalize();
            if (p.isInfinity() || !p.isValid()) {
                throw new InvalidEncodingException("element is not a valid non-identity point");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException("element is not on secp256k1");
        }
    }

    /** SerializeScalar: 32 bytes big-endian. */
    public static byte[] encodeScalar(BigInteger s) {
        if (s.signum() < 0 || s.compareTo(N) >= 0) {
            throw new IllegalArgumentException("scalar out of range");
        }
        byte[] raw = s.toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        if (raw.length > SCALAR_BYTES) {
            System.arraycopy(raw, raw.length - SCALAR_BYTES, out, 0, SCALAR_BYTES);
        } else {
            System.arraycopy(raw, 0, out, SCALAR_BYTES - raw.length, raw.length);
        }
        return out;
    }

    /** DeserializeScalar: rejects wrong length and values ≥ n. */
    public static BigInteger decodeScalar(byte[] b) throws InvalidEncodingException {
        if (b == null || b.length != SCALAR_BYTES) {
            throw new InvalidEncodingException("a scalar is 32 bytes");
        }
        BigInteger s = new BigInteger(1, b);
        if (s.compareTo(N) >= 0) {
            throw new InvalidEncodingException("scalar is not reduced modulo n");
        }
        return s;
    }

    /** Writes {@link #encode}: 33 bytes, no length prefix. */
    public static WireWriter writePoint(WireWriter w, ECPoint p) {
        return w.raw(encode(p));
    }

    /** Reads what {@link #writePoint} wrote; a bad element is a {@link MalformedMessageException}. */
    public static ECPoint readPoint(WireReader r) throws MalformedMessageException {
        try {
            return decode(r.raw(ELEMENT_BYTES, "element"));
        } catch (InvalidEncodingException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    /** Writes {@link #encodeScalar}: 32 bytes, no length prefix. */
    public static WireWriter writeScalar(WireWriter w, BigInteger s) {
        return w.raw(encodeScalar(s));
    }

    /** Reads what {@link #writeScalar} wrote; an unreduced scalar is a {@link MalformedMessageException}. */
    public static BigInteger readScalar(WireReader r) throws MalformedMessageException {
        try {
            return decodeScalar(r.raw(SCALAR_BYTES, "scalar"));
        } catch (InvalidEncodingException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    /** A uniformly random non-zero scalar. */
    public static BigInteger randomScalar(SecureRandom random) {
        byte[] buf = new byte[48];
        while (true) {
            random.nextBytes(buf);
            BigInteger k = new BigInteger(1, buf).mod(N);
            Arrays.fill(buf, (byte) 0);
            if (k.signum() != 0) {
                return k;
            }
        }
    }
}
