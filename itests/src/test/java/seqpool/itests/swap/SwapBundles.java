package seqpool.itests.swap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import seqpool.itests.swap.api.Greeter;

/**
 * Packages the demo {@code GreeterImpl} (kept in bundle seqpool.itests) into bundle jars named
 * {@value #NAME} at a given version: a good one (Declarative Services registers the Greeter), one that registers
 * nothing, and one that cannot resolve.
 */
final class SwapBundles {
    static final String NAME = "seqpool.itests.swap.impl";
    private static final String IMPL = "seqpool/itests/swap/impl/GreeterImpl.class";

    enum Kind { GOOD, NO_SERVICE, UNRESOLVABLE }

    private SwapBundles() {
    }

    static Path write(Path dir, String version, Kind kind) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", NAME);
        a.putValue("Bundle-Version", version);
        String imports = "seqpool.itests.swap.api;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"";
        if (kind == Kind.UNRESOLVABLE) {
            imports += ",seqpool.does.not.exist;version=\"[9,10)\"";
        }
        a.putValue("Import-Package", imports);
        if (kind != Kind.NO_SERVICE) {
            a.putValue("Service-Component", "OSGI-INF/greeter.xml");
        }
        Path jar = dir.resolve(NAME + "-" + version + "-" + kind.name().toLowerCase() + ".jar");
        Files.createDirectories(dir);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            out.putNextEntry(new JarEntry(IMPL));
            Bundle host = FrameworkUtil.getBundle(Greeter.class);
            try (InputStream in = host.getEntry(IMPL).openStream()) {
                in.transferTo(out);
            }
            out.closeEntry();
            out.putNextEntry(new JarEntry("OSGI-INF/greeter.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" "
                    + "name=\"seqpool.itests.swap.impl.GreeterImpl\" immediate=\"true\">\n"
                    + "  <implementation class=\"seqpool.itests.swap.impl.GreeterImpl\"/>\n"
                    + "  <service><provide interface=\"seqpool.itests.swap.api.Greeter\"/></service>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
