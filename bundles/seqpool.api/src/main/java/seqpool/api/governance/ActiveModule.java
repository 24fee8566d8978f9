package seqpool.api.governance;

/**
 * A module as it runs on this node: version, the protocol versions it speaks (its {@code Seqpool-Protocol} header) and
 * whether it came from a local override rather than an L1 approval.
 */
public record ActiveModule(String bundleSymbolicName, String version, String protocols, boolean offProtocol) {
}
