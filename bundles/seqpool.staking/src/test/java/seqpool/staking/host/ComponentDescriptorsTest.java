package seqpool.staking.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Declarative Services descriptors bnd generated: the sender and the view share PID seqpool.staking (both
 * require it), the sender needs exactly one NodeSigner, and only the view carries a metatype description of the PID.
 */
class ComponentDescriptorsTest {
    private static Element component(String name) throws Exception {
        try (InputStream in = ComponentDescriptorsTest.class.getResourceAsStream("/OSGI-INF/" + name + ".xml")) {
            assertNotNull(in, "descriptor of " + name + " (bnd-process runs before the tests)");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(in);
            return d.getDocumentElement();
        }
    }

    @Test
    void senderSharesTheViewsPidAndNeedsTheNodeSigner() throws Exception {
        Element sender = component(PoolActionSenderComponent.class.getName());
        Element view = component(StakingViewComponent.class.getName());
        assertEquals("seqpool.staking", sender.getAttribute("configuration-pid"));
        assertEquals(view.getAttribute("configuration-pid"), sender.getAttribute("configuration-pid"));
        assertEquals("require", sender.getAttribute("configuration-policy"));
        assertEquals("require", view.getAttribute("configuration-policy"));

        Element provide = (Element) sender.getElementsByTagName("provide").item(0);
        assertEquals("seqpool.api.staking.PoolActionSender", provide.getAttribute("interface"));
        NodeList refs = sender.getElementsByTagName("reference");
        assertEquals(1, refs.getLength());
        Element signer = (Element) refs.item(0);
        assertEquals("seqpool.api.identity.NodeSigner", signer.getAttribute("interface"));
        String cardinality = signer.getAttribute("cardinality");
        assertTrue(cardinality.isEmpty() || cardinality.equals("1..1"), "mandatory and unary: " + cardinality);
        String policy = signer.getAttribute("policy");
        assertTrue(policy.isEmpty() || policy.equals("static"), "static: " + policy);
    }

    @Test
    void onlyTheViewDescribesThePid() throws Exception {
        assertNotNull(ComponentDescriptorsTest.class.getResource(
                "/OSGI-INF/metatype/" + StakingViewComponent.Config.class.getName() + ".xml"));
        assertEquals(null, ComponentDescriptorsTest.class.getResource(
                "/OSGI-INF/metatype/" + PoolActionSenderComponent.Config.class.getName() + ".xml"));
    }
}
