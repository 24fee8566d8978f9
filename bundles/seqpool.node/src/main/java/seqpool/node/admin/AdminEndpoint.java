package seqpool.node.admin;

import java.net.URI;

/**
 * Registered by the admin component once its port is bound and its token written: the node waits for it before it
 * says it started (a node whose admin port is taken does not start).
 */
public interface AdminEndpoint {
    URI url();
}
