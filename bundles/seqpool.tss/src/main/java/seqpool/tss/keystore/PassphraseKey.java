package seqpool.tss.keystore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The key encryption key: scrypt(passphrase, salt, N, r, p) → 32 bytes (BouncyCastle). The parameters and salt are
 * stored beside a check value so that a wrong passphrase is recognised.
 *
 * <p>Security: holds the derived key until {@link #destroy()}; {@code toString} is redacted.
 */
final class PassphraseKey {
    /** scrypt cost parameters: N = 2^15, r = 8, p = 1 (~32 MiB, tens of milliseconds). */
    static final int N = 1 << 15;
    static final int R = 8;
    static final int P = 1;
    private byte[] key;

    private PassphraseKey(byte[] key) {
        this.key = key;
    }

    static PassphraseKey derive(char[] passphrase, byte[] salt, int n, int r, int p) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] pw = new byte[bb.remaining()];
        bb.get(pw);
        try {
            return new PassphraseKey(SCrypt.generate(pw, salt, n, r, p, 32));
        } finally {
            Arrays.fill(pw, (byte) 0);
            if (bb.hasArray()) {
                Arrays.fill(bb.array(), (byte) 0);
            }
        }
    }

    byte[] bytes() {
        if (key == null) {
            throw new IllegalStateException("passphrase key destroyed");
        }
        return key;
    }

    void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    @Override
    public String toString() {
        return "PassphraseKey<redacted>";
    }
}
