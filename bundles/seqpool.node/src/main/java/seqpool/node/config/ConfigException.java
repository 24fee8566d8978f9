package seqpool.node.config;

/**
 * An invalid operator configuration. The message names the culprit key ({@code p2p.listenPort}) and says what was
 * expected and what was found; the CLI prints it as {@code config error: <message>} and exits with code 2.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The dotted key (or section) at fault, e.g. {@code p2p.listenPort}. */
    public String key() {
        return key;
    }
}
