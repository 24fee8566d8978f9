package seqpool.node.swap;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * An extra check a new module version must pass before the old one is removed (beyond being ACTIVE and registering the
 * old version's services). Called on the swapping thread.
 */
@ConsumerType
@FunctionalInterface
public interface ModuleHealthCheck {
    /** Returns null if healthy, else the reason (shown in the report). */
    String check(Bundle candidate) throws Exception;

    ModuleHealthCheck NONE = b -> null;
}
