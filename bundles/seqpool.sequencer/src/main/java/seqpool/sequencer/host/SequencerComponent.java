package seqpool.sequencer.host;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.identity.NodeSigner;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.BlockProducer;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;

/**
 * The sequencer as a Declarative Services component: needs a configuration (PID {@code seqpool.sequencer}), the p2p
 * network, the store, the node's signer and the PoS service; provides {@link L2Chain} and {@link BlockProducer}.
 * Starts the sequencer thread in activate (from the head in the store) and stops it in deactivate.
 */
@Component(configurationPid = "seqpool.sequencer", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {L2Chain.class, BlockProducer.class})
@Designate(ocd = SequencerConfig.class)
public final class SequencerComponent implements L2Chain, BlockProducer {
    private final SequencerHost host;

    @Activate
    public SequencerComponent(SequencerConfig config, @Reference P2pNetwork network, @Reference KeyValueStore store,
            @Reference NodeSigner signer, @Reference PosService pos) throws StoreException {
        this.host = new SequencerHost(HostSettings.from(config), network, store, signer, pos,
                System::currentTimeMillis);
        host.start();
    }

    @Deactivate
    void deactivate() {
        host.close();
    }

    @Override
    public long headNumber() {
        return host.headNumber();
    }

    @Override
    public Optional<L2Block> block(long number) {
        return host.block(number);
    }

    @Override
    public AutoCloseable subscribe(Consumer<L2Block> listener) {
        return host.subscribe(listener);
    }

    @Override
    public boolean isProducing() {
        return host.isProducing();
    }

    @Override
    public long producingUntil() {
        return host.producingUntil();
    }
}
