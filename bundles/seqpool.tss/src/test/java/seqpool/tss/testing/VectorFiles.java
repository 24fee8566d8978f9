package seqpool.tss.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import seqpool.codec.json.JsonReader;

/** Loads a JSON test-vector file from the test class path. */
public final class VectorFiles {
    private VectorFiles() {
    }

    public static Map<String, Object> resource(String path) throws IOException {
        try (InputStream in = VectorFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return JsonReader.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
