package seqpool.staking.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;
import static seqpool.contracts.testing.Deployment.tokens;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;

import seqpool.api.common.Bytes;
import seqpool.api.staking.PoolActionResult;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;

/**
 * The sender component and the staking view built from one and the same {@code seqpool.staking} configuration, the
 * way Declarative Services hands it to both (a property map read through each component's own config type).
 */
@ExtendWith(AnvilExtension.class)
class PoolActionSenderComponentIT {
    @TempDir
    Path dir;

    /** What DS does with a component property type: each method reads the property of its name, or its default. */
    @SuppressWarnings("unchecked")
    private static <T> T config(Class<T> type, Map<String, Object> properties) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object v = properties.get(method.getName());
            if (v == null) {
                v = method.getDefaultValue();
            }
            if (v == null) {
                throw new IllegalStateException("no value for " + method.getName());
            }
            return v;
        });
    }

    private static LocalNodeSigner funded(Chain chain) throws IOException {
        LocalNodeSigner s = LocalNodeSigner.generate(new SecureRandom());
        var r = new Request<>("anvil_setBalance", List.of(s.address().toHex(), "0x3635C9ADC5DEA00000"),
                new HttpService(chain.rpcUrl()), Chain.RawResponse.class).send();
        assertFalse(r.hasError());
        return s;
    }

    @Test
    void senderAndViewShareTheConfiguration(Chain chain) throws Exception {
        Deployment d = new Deployment(chain);
        var op = d.operator(100_000);
        ok(op.pool().lockFor(op.signer(), tokens(20_000), op.signerPubkey()));
        Path addresses = dir.resolve("contracts.yaml");
        d.addresses.writeTo(addresses);
        Map<String, Object> properties = new HashMap<>();
        properties.put("rpcUrl", chain.rpcUrl());
        properties.put("contractsFile", addresses.toString());
        properties.put("confirmations", 0);
        properties.put("pollMs", 50L);
        LocalNodeSigner node = funded(chain);

        StakingViewComponent view = new StakingViewComponent(config(StakingViewComponent.Config.class, properties));
        PoolActionSenderComponent sender = new PoolActionSenderComponent(
                config(PoolActionSenderComponent.Config.class, properties), node);
        try {
            assertEquals(node.address(), sender.account());
            assertEquals(1, sender.chainState().poolKeyGeneration());
            long genesis = d.sequencerSet.genesisL2Block().send().longValueExact();
            Bytes sig = Bytes.wrap(d.poolKey.ecdsa(PoolMessageDigest.commitEpoch(Chain.CHAIN_ID,
                    d.sequencerSet.getContractAddress(), 1, genesis, genesis + 9, node.address().toHex())));
            assertInstanceOf(PoolActionResult.Sent.class, sender.commitEpoch(1, genesis, genesis + 9, node.address(), sig));
            assertInstanceOf(PoolActionResult.AlreadyDone.class,
                    sender.commitEpoch(1, genesis, genesis + 9, node.address(), sig));
            assertEquals(1, sender.chainState().currentEpochId());
            assertEquals(0, view.confirmations());
            assertEquals(1, view.snapshot().active().size(), "the view still works beside the sender");
        } finally {
            sender.deactivate();
            view.deactivate();
        }
    }

    @Test
    void anotherChainsAddressesFileIsRefused(Chain chain) throws Exception {
        Path addresses = dir.resolve("other-chain.yaml");
        String a = "0x" + "11".repeat(20);
        new DeployedContracts(5, 1, a, a, a, a, a, a, a).writeTo(addresses);
        Map<String, Object> properties = Map.of("rpcUrl", chain.rpcUrl(), "contractsFile", addresses.toString());
        IOException e = assertThrows(IOException.class, () -> new PoolActionSenderComponent(
                config(PoolActionSenderComponent.Config.class, properties), funded(chain)));
        assertTrue(e.getMessage().contains("chain 31337") && e.getMessage().contains("chain 5"), e.getMessage());
    }
}
