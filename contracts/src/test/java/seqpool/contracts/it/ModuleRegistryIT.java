package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.ModuleRegistry;

/** ModuleRegistry: approve / revoke by governance only, views the node reads. */
@ExtendWith(AnvilExtension.class)
class ModuleRegistryIT {
    private Chain chain;
    private ModuleRegistry modules;
    private String addr;
    private String admin;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        Deployment d = new Deployment(chain);
        modules = d.modules;
        addr = modules.getContractAddress();
        admin = d.admin.getAddress();
    }

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void approveRevokeAndViews() throws Exception {
        byte[] sha1 = Hash.sha256("bundle 1.1.0".getBytes());
        byte[] sha2 = Hash.sha256("bundle 1.2.0".getBytes());
        TransactionReceipt r = ok(modules.approve("seqpool.consensus", "1.1.0", sha1, b(5)));
        var e = ModuleRegistry.getModuleApprovedEvents(r).get(0);
        assertEquals("seqpool.consensus", e.bundleName);
        assertEquals("1.1.0", e.version);
        assertArrayEquals(sha1, e.sha256Hash);
        assertEquals(b(5), e.activationEpoch);
        assertArrayEquals(modules.keyOf("seqpool.consensus", "1.1.0").send(), e.key);
        ok(modules.approve("seqpool.consensus", "1.2.0", sha2, b(9)));
        ok(modules.approve("seqpool.p2p", "2.0.0", sha2, b(1)));

        chain.expectRevert(admin, addr, modules.approve("seqpool.consensus", "1.1.0", sha1, b(6)), "AlreadyApproved");
        chain.expectRevert(admin, addr, modules.approve("", "1.0.0", sha1, b(1)), "InvalidApproval");
        chain.expectRevert(admin, addr, modules.approve("x", "", sha1, b(1)), "InvalidApproval");
        chain.expectRevert(admin, addr, modules.approve("x", "1", new byte[32], b(1)), "InvalidApproval");

        assertEquals(b(3), modules.approvalCount().send());
        ModuleRegistry.Approval a = modules.getApproval("seqpool.consensus", "1.2.0").send();
        assertArrayEquals(sha2, a.sha256Hash);
        assertEquals(b(9), a.activationEpoch);
        assertFalse(a.revoked);
        assertEquals("seqpool.p2p", modules.approvalAt(b(2)).send().bundleName);
        chain.expectRevert(admin, addr, modules.getApproval("seqpool.consensus", "9.9.9"), "NotApproved");

        var at4 = modules.activeAt("seqpool.consensus", b(4)).send();
        assertFalse(at4.component1());
        assertEquals("1.1.0", modules.activeAt("seqpool.consensus", b(8)).send().component2().version);
        assertEquals("1.2.0", modules.activeAt("seqpool.consensus", b(9)).send().component2().version);

        r = ok(modules.revoke("seqpool.consensus", "1.2.0"));
        assertEquals("1.2.0", ModuleRegistry.getModuleRevokedEvents(r).get(0).version);
        assertTrue(modules.getApproval("seqpool.consensus", "1.2.0").send().revoked);
        assertEquals("1.1.0", modules.activeAt("seqpool.consensus", b(100)).send().component2().version);
        chain.expectRevert(admin, addr, modules.revoke("seqpool.consensus", "1.2.0"), "AlreadyRevoked");
        chain.expectRevert(admin, addr, modules.revoke("seqpool.consensus", "7.0.0"), "NotApproved");

        Credentials other = chain.newAccount();
        ModuleRegistry asOther = ModuleRegistry.load(addr, chain.web3j(), chain.txManager(other), Chain.GAS);
        chain.expectRevert(other.getAddress(), addr, asOther.approve("x", "1", sha1, b(1)), "OwnableUnauthorizedAccount");
        chain.expectRevert(other.getAddress(), addr, asOther.revoke("seqpool.consensus", "1.1.0"),
                "OwnableUnauthorizedAccount");
    }
}
