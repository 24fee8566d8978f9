package seqpool.wrap.web3j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs a directory (with META-INF/MANIFEST.MF) into a bundle jar, manifest first as the OSGi spec wants. */
final class BundleJars {
    private BundleJars() {
    }

    static Path pack(Path root, Manifest manifest, List<String> prefixes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest);
             Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF") || prefixes.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    static Manifest manifestOf(Path root) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }
}
