package seqpool.contracts.testing;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import seqpool.contracts.anvil.AnvilProcess;

/**
 * Resolves a {@link Chain} parameter: one anvil process for the whole test run (stored in the root context, stopped
 * when JUnit closes it), shared by every test class that uses this extension.
 */
public final class AnvilExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Chain.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("chain", k -> start(), ChainResource.class).chain;
    }

    private static ChainResource start() {
        String binary = System.getProperty("seqpool.anvil.binary", "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        try {
            AnvilProcess anvil = AnvilProcess.start(Path.of(binary), Chain.CHAIN_ID, Path.of("target", "anvil.log"),
                    List.of());
            return new ChainResource(anvil, new Chain(anvil.rpcUrl()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start anvil from " + binary, e);
        }
    }

    static final class ChainResource implements ExtensionContext.Store.CloseableResource {
        final AnvilProcess anvil;
        final Chain chain;

        ChainResource(AnvilProcess anvil, Chain chain) {
            this.anvil = anvil;
            this.chain = chain;
        }

        @Override
        public void close() {
            chain.close();
            anvil.close();
        }
    }
}
