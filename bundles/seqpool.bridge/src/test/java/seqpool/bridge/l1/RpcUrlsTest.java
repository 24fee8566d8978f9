package seqpool.bridge.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URLs in logs keep scheme, host and port; keys in the path, query or user info are cut. */
class RpcUrlsTest {
    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8545, http://127.0.0.1:8545",
        "http://127.0.0.1:8545/, http://127.0.0.1:8545",
        "https://mainnet.infura.io/v3/SECRETKEY, https://mainnet.infura.io/…",
        "https://user:pass@rpc.example.org, https://rpc.example.org/…",
        "https://rpc.example.org?key=SECRET, https://rpc.example.org/…",
        "not a url, <invalid L1 URL>",
    })
    void redacts(String url, String expected) {
        assertEquals(expected, RpcUrls.redact(url));
    }
}
