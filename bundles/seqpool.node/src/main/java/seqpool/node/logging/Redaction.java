package seqpool.node.logging;

import java.util.Locale;
import java.util.regex.Pattern;

/** Replaces values of secret-looking field names by {@code <redacted>}. Stateless. */
public final class Redaction {
    private static final Pattern SECRET = Pattern.compile(
            ".*(passphrase|password|secret|private|token|mnemonic|seed|privkey|keymaterial).*");

    private Redaction() {
    }

    public static boolean isSecretName(String name) {
        return SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    public static Object redact(String name, Object value) {
        return isSecretName(name) ? "<redacted>" : value;
    }
}
