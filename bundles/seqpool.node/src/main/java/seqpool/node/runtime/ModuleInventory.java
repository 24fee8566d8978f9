package seqpool.node.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;

import seqpool.node.swap.BundleStates;

/** Reads the installed bundles of the running framework and prints them as a table. Stateless. */
public final class ModuleInventory {
    /** Manifest header in which a protocol bundle declares the wire/protocol versions it speaks (DESIGN.md §7). */
    public static final String PROTOCOL_HEADER = "Seqpool-Protocol";

    private ModuleInventory() {
    }

    public static List<ModuleInfo> list(BundleContext context) {
        List<ModuleInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String protocol = b.getHeaders("").get(PROTOCOL_HEADER);
            out.add(new ModuleInfo(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    BundleStates.name(b.getState()), protocol == null ? "" : protocol));
        }
        return out;
    }

    /** Bundles that are neither ACTIVE nor resolved fragments: a node with any of these is not healthy. */
    public static List<ModuleInfo> unhealthy(BundleContext context) {
        List<ModuleInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = (b.adapt(BundleRevision.class) != null)
                    && (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            boolean ok = b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED);
            if (!ok) {
                out.add(new ModuleInfo(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                        BundleStates.name(b.getState()), ""));
            }
        }
        return out;
    }

    public static void print(List<ModuleInfo> modules, PrintStream out) {
        int w = "SYMBOLIC NAME".length();
        int v = "VERSION".length();
        for (ModuleInfo m : modules) {
            w = Math.max(w, m.name().length());
            v = Math.max(v, m.version().length());
        }
        String fmt = "%4s  %-" + w + "s  %-" + v + "s  %-11s  %s%n";
        out.printf(fmt, "ID", "SYMBOLIC NAME", "VERSION", "STATE", "PROTOCOL");
        for (ModuleInfo m : modules) {
            out.printf(fmt, m.id(), m.name(), m.version(), m.state(), m.protocol());
        }
    }
}
