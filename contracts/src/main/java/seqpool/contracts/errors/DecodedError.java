package seqpool.contracts.errors;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A decoded revert: the error name (e.g. {@code NotWhitelisted}), its canonical signature and its arguments as web3j
 * values (BigInteger, String addresses in lower-case hex, byte[] rendered as hex in {@link #toString}).
 */
public record DecodedError(String name, String signature, List<Object> args) {
    public DecodedError {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        args = List.copyOf(args);
    }

    /** {@code Name(arg1, arg2)}: the human-readable revert reason. */
    @Override
    public String toString() {
        return name + args.stream().map(DecodedError::render).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String render(Object o) {
        if (o instanceof byte[] b) {
            StringBuilder sb = new StringBuilder("0x");
            for (byte x : b) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        }
        return String.valueOf(o);
    }
}
