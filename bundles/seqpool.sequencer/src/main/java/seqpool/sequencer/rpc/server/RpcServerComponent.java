package seqpool.sequencer.rpc.server;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.dispatch.RpcLimits;

/**
 * The JSON-RPC server as a Declarative Services component: starts when configuration {@code seqpool.rpc} exists and
 * an {@link EthBackend} service is registered (by this bundle: the interface is private to it), stops in deactivate.
 */
@Component(configurationPid = "seqpool.rpc", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = RpcServerConfig.class)
public final class RpcServerComponent {
    private final RpcServer server;

    @Activate
    public RpcServerComponent(RpcServerConfig config, @Reference EthBackend backend) throws IOException {
        this.server = RpcServer.start(backend, settings(config));
    }

    @Deactivate
    void deactivate() {
        server.close();
    }

    static RpcSettings settings(RpcServerConfig c) {
        return RpcSettings.builder().host(c.host()).port(c.port()).wsEnabled(c.wsEnabled()).ioThreads(c.ioThreads())
                .workerThreads(c.workerThreads()).workerQueue(c.workerQueue())
                .maxHttpBodyBytes(c.maxHttpBodyBytes()).maxWsMessageBytes(c.maxWsMessageBytes())
                .maxConnections(c.maxConnections()).maxConnectionsPerAddress(c.maxConnectionsPerAddress())
                .rate(c.ratePerSecond(), c.rateBurst()).maxSubscriptionsPerConnection(c.maxSubscriptionsPerConnection())
                .maxWsInFlight(c.maxWsInFlight()).idleTimeoutMs(c.idleTimeoutMs())
                .requestReadTimeoutMs(c.requestReadTimeoutMs()).requestTimeoutMs(c.requestTimeoutMs())
                .wsPingIntervalMs(c.wsPingIntervalMs()).wsMaxPendingBytes(c.wsMaxPendingBytes())
                .limits(new RpcLimits(c.maxBatch(), c.maxResponseBytes(), c.maxLogBlockRange(), c.maxLogResults(),
                        c.maxFeeHistoryBlocks(), RpcLimits.DEFAULT.maxJsonDepth()))
                .build();
    }
}
