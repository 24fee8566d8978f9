package seqpool.codec.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;

/**
 * A {@link NodeSigner} holding the secp256k1 private key in memory.
 *
 * <p>Security: the key is never printed ({@link #toString()} is redacted) and {@link #destroy()} drops it; after that
 * signing fails. Keys at rest are the node module's concern (encrypted keystore file).
 */
public final class LocalNodeSigner implements NodeSigner {
    private volatile BigInteger privateKey;
    private final Bytes publicKey;
    private final Address address;

    private LocalNodeSigner(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("private key out of range");
        }
        this.privateKey = d;
        this.publicKey = Secp256k1.publicKeyOf(d);
        this.address = Secp256k1.addressOf(publicKey);
    }

    /** From a 32-byte big-endian private key; the caller should wipe its array afterwards. */
    public static LocalNodeSigner fromPrivateKey(byte[] key32) {
        if (key32.length != 32) {
            throw new IllegalArgumentException("a private key is 32 bytes");
        }
        return new LocalNodeSigner(new BigInteger(1, key32));
    }

    public static LocalNodeSigner generate(SecureRandom random) {
        BigInteger d;
        do {
            d = new BigInteger(256, random);
        } while (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0);
        return new LocalNodeSigner(d);
    }

    /** The private key as 32 bytes, for writing an encrypted keystore. The caller wipes the array. */
    public byte[] exportPrivateKey() {
        return Secp256k1.to32(key()).toArray();
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public Bytes publicKey() {
        return publicKey;
    }

    @Override
    public EcdsaSignature sign(Hash32 digest) {
        return Secp256k1.sign(digest, key());
    }

    public void destroy() {
        privateKey = null;
    }

    private BigInteger key() {
        BigInteger d = privateKey;
        if (d == null) {
            throw new IllegalStateException("signer key destroyed");
        }
        return d;
    }

    @Override
    public String toString() {
        return "LocalNodeSigner[" + address + ", key=<redacted>]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalNodeSigner other && address.equals(other.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}
