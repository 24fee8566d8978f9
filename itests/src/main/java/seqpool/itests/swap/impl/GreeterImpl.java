package seqpool.itests.swap.impl;

import org.osgi.framework.FrameworkUtil;

import seqpool.itests.swap.api.Greeter;

/**
 * Demo implementation: the tests package this class into bundle {@code seqpool.itests.swap.impl} at two versions
 * (1.0.0, 1.1.0), registered by Declarative Services. Its answer names the version of the bundle that loaded it.
 */
public final class GreeterImpl implements Greeter {
    private final String version = String.valueOf(FrameworkUtil.getBundle(GreeterImpl.class).getVersion());

    @Override
    public String greet(String name) {
        return "hello " + name + " from " + version;
    }
}
