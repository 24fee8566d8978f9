package seqpool.node.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The keystore passphrase, read from a file (first line) or from the environment variable
 * {@value #ENV}. Security: {@link #toString()} is redacted; {@link #destroy()} zeroes the chars. web3j's keystore API
 * takes a {@code String}, which cannot be wiped: {@link #reveal()} creates one only for the call.
 */
public final class Passphrase implements AutoCloseable {
    public static final String ENV = "SEQPOOL_KEY_PASSPHRASE";

    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** For commands with a {@code --passphrase-file} option. */
    public static Passphrase from(Path file, Map<String, String> env) throws KeyException {
        return from(file, env, "--passphrase-file");
    }

    /**
     * From {@code file} if given (non-null), else from the environment. Errors name the source; {@code fileOption}
     * is how the caller's user names a passphrase file ({@code --passphrase-file}, or {@code node.passphraseFile}
     * in the config).
     */
    public static Passphrase from(Path file, Map<String, String> env, String fileOption) throws KeyException {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String line = (nl >= 0 ? text.substring(0, nl) : text).replace("\r", "");
                return checked(line.toCharArray(), "passphrase file " + file);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new KeyException("cannot read passphrase file " + file + ": no such file");
            } catch (java.nio.file.AccessDeniedException e) {
                throw new KeyException("cannot read passphrase file " + file + ": permission denied");
            } catch (IOException e) {
                throw new KeyException("cannot read passphrase file " + file + ": " + e);
            }
        }
        String v = env.get(ENV);
        if (v == null) {
            throw new KeyException("no passphrase: set " + ENV + " or " + fileOption);
        }
        return checked(v.toCharArray(), "environment variable " + ENV);
    }

    private static Passphrase checked(char[] c, String source) throws KeyException {
        if (c.length < 8) {
            Arrays.fill(c, '\0');
            throw new KeyException(source + ": the passphrase must have at least 8 characters");
        }
        return new Passphrase(c);
    }

    String reveal() {
        return new String(chars);
    }

    public void destroy() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Passphrase[<redacted>]";
    }
}
