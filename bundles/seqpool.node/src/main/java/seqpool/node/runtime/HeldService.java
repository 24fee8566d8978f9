package seqpool.node.runtime;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Holds the services of one type from the moment they are registered, which also activates a delayed DS component
 * and keeps it active. Unlike a plain {@link ServiceTracker}, it keeps tracking a registration whose service object
 * could not be had yet: Felix SCR answers {@code null} to {@code getService} when the component's activation lock is
 * busy longer than its timeout (another thread activating it, or binding its references, which can take seconds while
 * an engine starts), and a plain tracker then never asks again. Here {@link #available()} asks again on every call.
 */
final class HeldService implements ServiceTrackerCustomizer<Object, HeldService.Entry>, AutoCloseable {
    private final BundleContext context;
    private final ServiceTracker<Object, Entry> tracker;

    HeldService(BundleContext context, String type) {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, type, this);
        tracker.open();
    }

    /** Whether a service of the type is registered and its object was obtained (now or before). */
    boolean available() {
        for (Entry e : tracker.getTracked().values()) {
            if (e.get() != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Entry addingService(ServiceReference<Object> reference) {
        Entry e = new Entry(reference);
        e.get();
        return e;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Entry entry) {
        // properties changed: the object is the same
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Entry entry) {
        entry.release();
    }

    @Override
    public void close() {
        tracker.close();
    }

    /** One registration and, once obtained, its service object (released when the registration goes). */
    final class Entry {
        private final ServiceReference<Object> reference;
        private Object service;

        Entry(ServiceReference<Object> reference) {
            this.reference = reference;
        }

        synchronized Object get() {
            if (service == null) {
                try {
                    service = context.getService(reference);
                } catch (IllegalStateException contextGone) {
                    return null;
                }
            }
            return service;
        }

        synchronized void release() {
            if (service != null) {
                service = null;
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException contextGone) {
                    // the framework is stopping
                }
            }
        }
    }
}
