package seqpool.node.health;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The modules' services as the admin component sees them now (each from an optional dynamic reference, so a module
 * that stops, starts late or is hot-swapped is seen as it is). {@link #get} answers null for a service that is not
 * running. Thread-safe.
 */
public final class ServiceView {
    private final Map<Class<?>, Supplier<?>> suppliers;

    public ServiceView(Map<Class<?>, Supplier<?>> suppliers) {
        this.suppliers = Map.copyOf(suppliers);
    }

    public <T> T get(Class<T> type) {
        Supplier<?> s = suppliers.get(type);
        return s == null ? null : type.cast(s.get());
    }
}
